// 证书类型与评价机构类型 — DOMAIN.md A.1: 谁评价、谁发证、谁负责.

/** 评价机构类型 */
export const AgencyKind = {
  /** 职业技能等级评价机构: runs 职业技能等级认定 and issues its own certificates. */
  SKILL_LEVEL_AGENCY: 'SKILL_LEVEL_AGENCY',
  /** 职业技能考核鉴定机构: runs 专项职业能力考核; HR issues the certificate. */
  APPRAISAL_AGENCY: 'APPRAISAL_AGENCY',
  /** 第三方社会培训评价组织: a college evaluating social candidates (A.10). */
  THIRD_PARTY_ORGANISATION: 'THIRD_PARTY_ORGANISATION',
} as const;

export type AgencyKind = (typeof AgencyKind)[keyof typeof AgencyKind];

export const AGENCY_KIND_NAMES: Readonly<Record<AgencyKind, string>> = {
  SKILL_LEVEL_AGENCY: '职业技能等级评价机构',
  APPRAISAL_AGENCY: '职业技能考核鉴定机构',
  THIRD_PARTY_ORGANISATION: '第三方社会培训评价组织',
};

/** 证书类型 */
export const CertificateKind = {
  VOCATIONAL_QUALIFICATION: 'VOCATIONAL_QUALIFICATION',
  SKILL_LEVEL: 'SKILL_LEVEL',
  SPECIAL_ABILITY: 'SPECIAL_ABILITY',
} as const;

export type CertificateKind = (typeof CertificateKind)[keyof typeof CertificateKind];

/** 发证主体 */
export type CertificateIssuer = 'NAMED_DEPARTMENT' | 'AGENCY' | 'HR_BUREAU';

export const CERTIFICATE_ISSUER_NAMES: Readonly<Record<CertificateIssuer, string>> = {
  NAMED_DEPARTMENT: '《国家职业资格目录清单》所列实施部门',
  AGENCY: '评价机构',
  HR_BUREAU: '人力资源社会保障部门',
};

/** 证书类型信息 */
export interface CertificateKindInfo {
  readonly kind: CertificateKind;
  /** 证书名称 */
  readonly name: string;
  /** 评价方式 */
  readonly evaluationName: string;
  /** 实施主体 (who runs the evaluation) */
  readonly runBy: string;
  readonly issuer: CertificateIssuer;
  readonly issuerName: string;
  /** 专项职业能力 has no level; the other two use SkillLevel. */
  readonly hasLevels: boolean;
  /** Agency kind filed with HR to run it; null when a named department runs it outside the filing system. */
  readonly agencyKind: AgencyKind | null;
}

export const CERTIFICATE_KINDS: readonly CertificateKindInfo[] = [
  {
    kind: 'VOCATIONAL_QUALIFICATION',
    name: '职业资格证书',
    evaluationName: '国家职业资格评价',
    runBy: '《国家职业资格目录清单》所列实施部门',
    issuer: 'NAMED_DEPARTMENT',
    issuerName: CERTIFICATE_ISSUER_NAMES.NAMED_DEPARTMENT,
    // Skill-type qualifications in the 目录清单 (e.g. 消防设施操作员) are graded on the same ladder.
    hasLevels: true,
    agencyKind: null,
  },
  {
    kind: 'SKILL_LEVEL',
    name: '职业技能等级证书',
    evaluationName: '职业技能等级认定',
    runBy: AGENCY_KIND_NAMES.SKILL_LEVEL_AGENCY,
    issuer: 'AGENCY',
    issuerName: CERTIFICATE_ISSUER_NAMES.AGENCY,
    hasLevels: true,
    agencyKind: 'SKILL_LEVEL_AGENCY',
  },
  {
    kind: 'SPECIAL_ABILITY',
    name: '专项职业能力证书',
    evaluationName: '专项职业能力考核',
    runBy: AGENCY_KIND_NAMES.APPRAISAL_AGENCY,
    issuer: 'HR_BUREAU',
    issuerName: CERTIFICATE_ISSUER_NAMES.HR_BUREAU,
    hasLevels: false,
    agencyKind: 'APPRAISAL_AGENCY',
  },
];

const KINDS = new Map<string, CertificateKindInfo>(CERTIFICATE_KINDS.map((info) => [info.kind, info]));

export function isCertificateKind(x: unknown): x is CertificateKind {
  return typeof x === 'string' && KINDS.has(x);
}

export function isAgencyKind(x: unknown): x is AgencyKind {
  return typeof x === 'string' && Object.hasOwn(AGENCY_KIND_NAMES, x);
}

export function certificateKindInfo(kind: CertificateKind): CertificateKindInfo {
  const info = KINDS.get(kind);
  if (!info) throw new RangeError(`not a certificate kind: ${String(kind)}`);
  return info;
}

/**
 * The certificate an agency kind issues. A third-party organisation runs 职业技能等级认定 for social
 * candidates, so it issues 职业技能等级证书 like a college's own agency.
 */
export function certificateKindOfAgency(agencyKind: AgencyKind): CertificateKind {
  return agencyKind === 'APPRAISAL_AGENCY' ? 'SPECIAL_ABILITY' : 'SKILL_LEVEL';
}
