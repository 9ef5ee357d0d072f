// Row-level scope: which regions and organisations a principal's grants reach, as Prisma filters.
import { FUJIAN_REGIONS, isWithinRegion, Role, type Grant } from '@skills/domain';
import type { Principal } from '@skills/service-kit';

export const BUREAU_HR: readonly Role[] = [Role.PROVINCE_HR, Role.CITY_HR, Role.COUNTY_HR];
export const BUREAUS: readonly Role[] = [...BUREAU_HR, Role.PROVINCE_EDU, Role.CITY_EDU, Role.COUNTY_EDU];
export const COLLEGE_SIDE: readonly Role[] = [Role.COLLEGE_ADMIN, Role.AGENCY_STAFF];

/** Every region code inside (or equal to) this one. */
export function regionsWithin(code: string): string[] {
  return FUJIAN_REGIONS.map((r) => r.code).filter((c) => isWithinRegion(c, code));
}

const grantsIn = (p: Principal, roles: readonly Role[]) =>
  p.grants.filter((g): g is Grant => roles.includes(g.role));

/**
 * A filter on rows that carry `regionCode` and an institution code: the union of the caller's region grants
 * (bureaus) and organisation grants (the college's own rows). `null` means the caller reaches nothing.
 */
export function visibleRows(
  p: Principal,
  regionRoles: readonly Role[],
  orgRoles: readonly Role[],
  orgField: 'institutionCode' | 'agency',
) {
  const regions = [
    ...new Set(grantsIn(p, regionRoles).flatMap((g) => (g.regionCode ? regionsWithin(g.regionCode) : []))),
  ];
  const orgs = [
    ...new Set(
      grantsIn(p, orgRoles)
        .map((g) => g.orgCode)
        .filter((o): o is string => !!o),
    ),
  ];
  const or: object[] = [];
  if (regions.length) or.push({ regionCode: { in: regions } });
  if (orgs.length)
    or.push(
      orgField === 'agency'
        ? { agency: { institutionCode: { in: orgs } } }
        : { institutionCode: { in: orgs } },
    );
  return or.length ? { OR: or } : null;
}
