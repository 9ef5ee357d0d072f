import { SKILL_LEVELS, type SkillLevel, type SkillLevelCode } from '@skills/domain';
import { describedEnumValues } from '@skills/service-kit';
import { builder } from '../builder.js';
import {
  CERTIFICATE_EVENT_NAMES,
  CERTIFICATE_KIND_NAMES,
  CERTIFICATE_STATUS_NAMES,
  ISSUER_KIND_NAMES,
  REVOCATION_STATUS_NAMES,
} from '../domain/names.js';
import * as E from '../generated/prisma/enums.js';

export const SkillLevelEnum = builder.enumType('SkillLevel', {
  description: '职业技能等级',
  values: Object.fromEntries(
    SKILL_LEVELS.map((l) => [l.code, { value: l.level, description: `${l.name}/${l.title}` }]),
  ) as unknown as Record<SkillLevelCode, { value: SkillLevel; description: string }>,
});

export const CertificateKindEnum = builder.enumType('CertificateKind', {
  description: '证书类型',
  values: describedEnumValues(E.CertificateKind, CERTIFICATE_KIND_NAMES),
});
export const CertificateStatusEnum = builder.enumType('CertificateStatus', {
  description: '证书状态',
  values: describedEnumValues(E.CertificateStatus, CERTIFICATE_STATUS_NAMES),
});
export const IssuerKindEnum = builder.enumType('CertificateIssuerKind', {
  description: '发证主体类型',
  values: describedEnumValues(E.IssuerKind, ISSUER_KIND_NAMES),
});
export const RevocationStatusEnum = builder.enumType('RevocationStatus', {
  description: '撤销申请状态',
  values: describedEnumValues(E.RevocationStatus, REVOCATION_STATUS_NAMES),
});
export const CertificateEventTypeEnum = builder.enumType('CertificateEventType', {
  description: '证书事件',
  values: describedEnumValues(E.CertificateEventType, CERTIFICATE_EVENT_NAMES),
});

/** A decimal column as a number (scores have one decimal). */
export const num = (d: { toNumber(): number } | null | undefined) => (d == null ? null : d.toNumber());

/** A calendar day in China, YYYY-MM-DD (what a certificate prints). */
export const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
