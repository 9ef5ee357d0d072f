// Row-level scope: which regions and organisations a principal's grants reach, and from that the one visibility
// rule per kind of row that every field returning such rows applies (root fields, nested relations, federated
// references alike).
import { FUJIAN_REGIONS, isWithinRegion, Role, type Grant } from '@skills/domain';
import type { Principal } from '@skills/service-kit';
import { effectiveStatus } from './domain/workflow.js';
import type { Prisma } from './generated/prisma/client.js';
import type { AgencyStatus } from './generated/prisma/enums.js';

export const BUREAU_HR: readonly Role[] = [Role.PROVINCE_HR, Role.CITY_HR, Role.COUNTY_HR];
export const BUREAUS: readonly Role[] = [...BUREAU_HR, Role.PROVINCE_EDU, Role.CITY_EDU, Role.COUNTY_EDU];
export const COLLEGE_SIDE: readonly Role[] = [Role.COLLEGE_ADMIN, Role.AGENCY_STAFF];

/** Agencies anyone may see: filed, or suspended (a suspension is public information). */
export const PUBLIC_AGENCY_STATUSES = ['FILED', 'SUSPENDED'] as const;

/**
 * The public agencies as a filter, with the date checked at read time: a filing past its validity is not shown
 * as filed, even before the hourly sweep marks it EXPIRED (effectiveStatus is the same rule on a loaded row).
 */
export const publicAgencies = (now = new Date()): Prisma.AgencyWhereInput => ({
  OR: [{ status: 'SUSPENDED' }, { status: 'FILED', validUntil: { gt: now } }],
});

/** Every region code inside (or equal to) this one. */
export function regionsWithin(code: string): string[] {
  return FUJIAN_REGIONS.map((r) => r.code).filter((c) => isWithinRegion(c, code));
}

const grantsIn = (p: Principal, roles: readonly Role[]) =>
  p.grants.filter((g): g is Grant => roles.includes(g.role));

/** The regions (each with everything inside it) and the organisations that these roles of the caller reach. */
export function reachOf(p: Principal, regionRoles: readonly Role[], orgRoles: readonly Role[]) {
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
  return { regions, orgs };
}

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
  const { regions, orgs } = reachOf(p, regionRoles, orgRoles);
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

interface AgencyFacts {
  status: AgencyStatus;
  validUntil: Date | null;
  regionCode: string;
  institutionCode: string;
}

export interface AgencyVisibility {
  /** the agencies the caller may see, as a Prisma filter (lists, nested relations) */
  where: Prisma.AgencyWhereInput;
  /** the same rule on a loaded row (single lookups, federated references) */
  allows(a: AgencyFacts): boolean;
  /** the agency's own records (history, violations): its region's bureaus and its college only */
  recordsVisible(a: Pick<AgencyFacts, 'regionCode' | 'institutionCode'>): boolean;
}

const visibilityOf = new WeakMap<Principal, AgencyVisibility>();

/**
 * 机构可见范围 — who sees an agency: everyone sees filed and suspended ones; the bureaus (HR and education) of
 * its region and the college that owns it see it in every state, 申请中 included. One rule for `agency`,
 * `agencies`, `publicAgencies`, `Institution.agencies` and `_entities`.
 */
export function agencyVisibility(p: Principal): AgencyVisibility {
  const known = visibilityOf.get(p);
  if (known) return known;
  const { regions, orgs } = reachOf(p, BUREAUS, COLLEGE_SIDE);
  const isPublic = (a: AgencyFacts) =>
    (PUBLIC_AGENCY_STATUSES as readonly string[]).includes(effectiveStatus(a));
  const recordsVisible = (a: Pick<AgencyFacts, 'regionCode' | 'institutionCode'>) =>
    regions.includes(a.regionCode) || orgs.includes(a.institutionCode);
  const visibility: AgencyVisibility = {
    where: {
      OR: [
        publicAgencies(),
        ...(regions.length ? [{ regionCode: { in: regions } }] : []),
        ...(orgs.length ? [{ institutionCode: { in: orgs } }] : []),
      ],
    },
    allows: (a) => isPublic(a) || recordsVisible(a),
    recordsVisible,
  };
  visibilityOf.set(p, visibility);
  return visibility;
}

export interface FilingVisibility {
  /** the filings the caller may see, as a Prisma filter; `null`: none */
  where: Prisma.FilingWhereInput | null;
  allows(f: { regionCode: string; agency: { institutionCode: string } }): boolean;
}

/** 备案申请可见范围 — the HR bureaus of the filing's region and the college that submitted it. */
export function filingVisibility(p: Principal): FilingVisibility {
  const { regions, orgs } = reachOf(p, BUREAU_HR, COLLEGE_SIDE);
  return {
    where: visibleRows(p, BUREAU_HR, COLLEGE_SIDE, 'agency'),
    allows: (f) => regions.includes(f.regionCode) || orgs.includes(f.agency.institutionCode),
  };
}
