// Row-level scope of certificates: one rule, used by every field that returns certificates (root fields, nested
// fields and federated references alike).
import { FUJIAN_REGIONS, isWithinRegion, Role, type Grant } from '@skills/domain';
import { principalCan, type Principal } from '@skills/service-kit';
import type { Prisma } from './generated/prisma/client.js';

export const BUREAU_HR: readonly Role[] = [Role.PROVINCE_HR, Role.CITY_HR, Role.COUNTY_HR];
export const BUREAUS: readonly Role[] = [...BUREAU_HR, Role.PROVINCE_EDU, Role.CITY_EDU, Role.COUNTY_EDU];
/** who acts for a college's agency: its admin and its agency staff */
export const COLLEGE_SIDE: readonly Role[] = [Role.COLLEGE_ADMIN, Role.AGENCY_STAFF];
/** who issues 专项职业能力证书: the city-level HR bureau (and the province's) */
export const SPECIAL_ISSUERS: readonly Role[] = [Role.PROVINCE_HR, Role.CITY_HR];

const regionsWithin = (code: string) =>
  FUJIAN_REGIONS.map((r) => r.code).filter((c) => isWithinRegion(c, code));

const grantsIn = (p: Principal, roles: readonly Role[]) =>
  p.grants.filter((g): g is Grant => roles.includes(g.role));

function reachOf(p: Principal) {
  const regions = [
    ...new Set(grantsIn(p, BUREAUS).flatMap((g) => (g.regionCode ? regionsWithin(g.regionCode) : []))),
  ];
  const orgs = [
    ...new Set(
      grantsIn(p, COLLEGE_SIDE)
        .map((g) => g.orgCode)
        .filter((o): o is string => !!o),
    ),
  ];
  const self = p.kind === 'user' && p.grants.some((g) => g.role === Role.CANDIDATE) ? p.id : null;
  return { regions, orgs, self };
}

interface CertificateFacts {
  regionCode: string;
  institutionCode: string | null;
  holderInstitutionCode: string | null;
  holderAccountId: string | null;
}

export interface CertificateVisibility {
  /** null: the caller sees no certificate */
  where: Prisma.CertificateWhereInput | null;
  allows(c: CertificateFacts): boolean;
}

const visibilityOf = new WeakMap<Principal, CertificateVisibility>();

/**
 * 证书可见范围 — the holder; the college of the issuing agency and the holder's own college; the bureaus (HR and
 * education) of the agency's region; platform services. The public verifies by number + name instead.
 */
export function certificateVisibility(p: Principal): CertificateVisibility {
  const known = visibilityOf.get(p);
  if (known) return known;
  let v: CertificateVisibility;
  if (p.kind === 'service') v = { where: {}, allows: () => true };
  else {
    const { regions, orgs, self } = reachOf(p);
    const or: Prisma.CertificateWhereInput[] = [];
    if (regions.length) or.push({ regionCode: { in: regions } });
    if (orgs.length) or.push({ institutionCode: { in: orgs } }, { holderInstitutionCode: { in: orgs } });
    if (self) or.push({ holderAccountId: self });
    v = {
      where: or.length ? { OR: or } : null,
      allows: (c) =>
        regions.includes(c.regionCode) ||
        (!!c.institutionCode && orgs.includes(c.institutionCode)) ||
        (!!c.holderInstitutionCode && orgs.includes(c.holderInstitutionCode)) ||
        (!!self && c.holderAccountId === self),
    };
  }
  visibilityOf.set(p, v);
  return v;
}

/** 撤销: the HR bureau (city, county, or the province) of the agency's region. */
export const mayRevoke = (p: Principal, c: { regionCode: string }) =>
  principalCan(p, BUREAU_HR, { regionCode: c.regionCode });

/** 申请撤销: the college of the agency that issued it (its own 职业技能等级证书). */
export const mayRequestRevocation = (p: Principal, c: { institutionCode: string | null; kind: string }) =>
  c.kind === 'SKILL_LEVEL' &&
  !!c.institutionCode &&
  principalCan(p, COLLEGE_SIDE, { orgCode: c.institutionCode });

/** 完整身份证号: the holder and the HR bureaus of the region. */
export const mayReadIdNumber = (p: Principal, c: { regionCode: string; holderAccountId: string | null }) =>
  (!!c.holderAccountId && p.kind === 'user' && c.holderAccountId === p.id) ||
  principalCan(p, BUREAU_HR, { regionCode: c.regionCode });
