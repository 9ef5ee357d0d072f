import { access, typed } from '@skills/service-kit';
import { BUREAU_HR, COLLEGE_SIDE } from '../access-scope.js';
import { builder } from '../builder.js';
import { decideRevocation, decideRevocationInput } from '../commands/decide-revocation.js';
import { requestRevocation, requestRevocationInput } from '../commands/request-revocation.js';
import { revokeCertificate, revokeCertificateInput } from '../commands/revoke-certificate.js';

builder.mutationFields((t) => ({
  revokeCertificate: t.prismaField({
    type: 'Certificate',
    description: '撤销证书（评价机构所在地人社部门）：说明理由；证书编号保留，查询显示已撤销',
    ...access.roles(...BUREAU_HR),
    args: t.validate(
      { number: t.arg.string({ required: true }), reason: t.arg.string({ required: true }) },
      revokeCertificateInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => revokeCertificate(ctx, input)),
  }),
  requestCertificateRevocation: t.prismaField({
    type: 'RevocationRequest',
    description: '申请撤销本机构颁发的证书（由所在地人社部门审核）',
    ...access.roles(...COLLEGE_SIDE),
    args: t.validate(
      { number: t.arg.string({ required: true }), reason: t.arg.string({ required: true }) },
      requestRevocationInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => requestRevocation(ctx, input)),
  }),
  decideCertificateRevocation: t.prismaField({
    type: 'RevocationRequest',
    description: '审核撤销申请：批准即撤销证书，驳回须说明理由',
    ...access.roles(...BUREAU_HR),
    args: t.validate(
      {
        requestId: t.arg.id({ required: true }),
        approve: t.arg.boolean({ required: true }),
        decision: t.arg.string({ required: true }),
      },
      decideRevocationInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => decideRevocation(ctx, input)),
  }),
}));
