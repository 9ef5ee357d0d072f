import { access, typed } from '@skills/service-kit';
import { BUREAU_HR, COLLEGE_SIDE, SPECIAL_ISSUERS } from '../access-scope.js';
import { builder } from '../builder.js';
import { recordQualification, recordQualificationInput } from '../commands/record-qualification.js';
import { SkillLevelEnum } from './common.js';
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

builder.mutationField('recordQualificationCertificate', (t) =>
  t.prismaField({
    type: 'Certificate',
    description:
      '登记职业资格证书（由《国家职业资格目录清单》所列部门颁发，本平台只登记、不颁发）：人社部门按原证书编号登记，计入持证统计',
    ...access.roles(...BUREAU_HR),
    args: t.validate(
      {
        number: t.arg.string({ required: true }),
        holderName: t.arg.string({ required: true }),
        idNumber: t.arg.string({ required: true }),
        occupationCode: t.arg.string({ required: true }),
        level: t.arg({ type: SkillLevelEnum }),
        issuerName: t.arg.string({ required: true, description: '发证部门' }),
        issuedAt: t.arg({ type: 'DateTime', required: true }),
        regionCode: t.arg.string({ required: true, description: '登记地区（本地区人社部门）' }),
        holderInstitutionCode: t.arg.string(),
        holderGraduationYear: t.arg.int(),
      },
      recordQualificationInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => recordQualification(ctx, input)),
  }),
);
