import type { SkillLevel } from '@skills/domain';
import { access, typed } from '@skills/service-kit';
import { builder } from '../builder.js';
import {
  verifyCertificate,
  verifyCertificateInput,
  type Verification,
} from '../commands/verify-certificate.js';
import { CERTIFICATE_KIND_NAMES, CERTIFICATE_STATUS_NAMES } from '../domain/names.js';
import { CertificateKindEnum, CertificateStatusEnum, chinaDay, SkillLevelEnum } from './common.js';
import { OccupationRef, SpecialAbilityProjectRef } from './refs.js';

/** What the public learns: the face of the certificate, with the ID number masked — nothing more. */
const CertificateVerification = builder.objectRef<Verification>('CertificateVerification').implement({
  description: '证书查询结果：持证人姓名、脱敏身份证号、职业（工种）或项目、等级、发证机构、发证日期、状态',
  fields: (t) => ({
    number: t.string({ resolve: (v) => v.certificate.number }),
    kind: t.field({ type: CertificateKindEnum, resolve: (v) => v.certificate.kind }),
    kindName: t.string({ resolve: (v) => CERTIFICATE_KIND_NAMES[v.certificate.kind] }),
    holderName: t.string({ resolve: (v) => v.certificate.holderName }),
    idNumber: t.string({ description: '身份证号（脱敏）', resolve: (v) => v.maskedIdNumber }),
    occupationCode: t.string({ resolve: (v) => v.certificate.occupationCode }),
    occupation: t.field({
      type: OccupationRef,
      nullable: true,
      resolve: (v) =>
        v.certificate.kind === 'SPECIAL_ABILITY' ? null : { code: v.certificate.occupationCode },
    }),
    specialAbilityProject: t.field({
      type: SpecialAbilityProjectRef,
      nullable: true,
      resolve: (v) =>
        v.certificate.kind === 'SPECIAL_ABILITY' ? { code: v.certificate.occupationCode } : null,
    }),
    level: t.field({
      type: SkillLevelEnum,
      nullable: true,
      resolve: (v) => v.certificate.level as SkillLevel | null,
    }),
    issuerName: t.string({ description: '发证机构', resolve: (v) => v.certificate.issuerName }),
    issuedOn: t.string({
      description: '发证日期（YYYY-MM-DD）',
      resolve: (v) => chinaDay(v.certificate.issuedAt),
    }),
    status: t.field({ type: CertificateStatusEnum, resolve: (v) => v.certificate.status }),
    statusName: t.string({ resolve: (v) => CERTIFICATE_STATUS_NAMES[v.certificate.status] }),
    revokedOn: t.string({
      nullable: true,
      description: '撤销日期（YYYY-MM-DD）',
      resolve: (v) => (v.certificate.revokedAt ? chinaDay(v.certificate.revokedAt) : null),
    }),
  }),
});

builder.queryField('verifyCertificate', (t) =>
  t.field({
    type: CertificateVerification,
    nullable: true,
    description:
      '证书查询（无需登录）：证书编号 + 持证人姓名，或证书编号 + 身份证号；不匹配时返回空，不透露持证人任何信息；按访问来源限制查询频率',
    ...access.public(),
    args: t.validate(
      {
        number: t.arg.string({ required: true }),
        name: t.arg.string(),
        idNumber: t.arg.string(),
      },
      verifyCertificateInput,
    ),
    resolve: (_r, input, ctx) => typed(() => verifyCertificate(ctx, input)),
  }),
);
