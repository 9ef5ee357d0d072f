import { access, typed } from '@skills/service-kit';
import { COLLEGE_SIDE, SPECIAL_ISSUERS } from '../access-scope.js';
import { builder } from '../builder.js';
import {
  issueCertificates,
  issueCertificatesInput,
  type IssuanceOutcome,
  type Refusal,
} from '../commands/issue-certificates.js';

const IssuanceRefusal = builder.objectRef<Refusal>('IssuanceRefusal').implement({
  description: '未予颁发的结果及原因',
  fields: (t) => ({
    resultId: t.exposeString('resultId'),
    code: t.exposeString('code'),
    message: t.exposeString('message'),
  }),
});

const IssuanceOutcomeRef = builder.objectRef<IssuanceOutcome>('IssuanceOutcome').implement({
  description: '颁发结果：本次颁发的证书、此前已颁发的证书（重复或并发提交）、未予颁发的结果',
  fields: (t) => ({
    issued: t.prismaField({ type: ['Certificate'], resolve: (_q, o) => o.issued }),
    existing: t.prismaField({ type: ['Certificate'], resolve: (_q, o) => o.existing }),
    refused: t.field({ type: [IssuanceRefusal], resolve: (o) => o.refused }),
  }),
});

builder.mutationField('issueCertificates', (t) =>
  t.field({
    type: IssuanceOutcomeRef,
    description:
      '颁发证书（谁评价、谁发证、谁负责）：职业技能等级证书由评价机构（其院校）颁发，专项职业能力证书由机构所在地市人社部门颁发；只颁发合格且评价日期在备案有效期与范围内的结果；每个结果只颁发一张',
    ...access.roles(...COLLEGE_SIDE, ...SPECIAL_ISSUERS),
    args: t.validate(
      { resultIds: t.arg.idList({ required: true }), requestKey: t.arg.string() },
      issueCertificatesInput,
    ),
    resolve: (_r, input, ctx) => typed(() => issueCertificates(ctx, input)),
  }),
);
