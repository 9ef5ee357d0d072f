// Row-level scope: one visibility rule per kind of row, used by every field that returns such rows (root fields,
// nested relations, federated references alike).
import { FUJIAN_REGIONS, isWithinRegion, Role, type Grant } from '@skills/domain';
import { principalCan, type Principal } from '@skills/service-kit';
import type { Prisma } from './generated/prisma/client.js';

export const BUREAU_HR: readonly Role[] = [Role.PROVINCE_HR, Role.CITY_HR, Role.COUNTY_HR];
export const BUREAUS: readonly Role[] = [...BUREAU_HR, Role.PROVINCE_EDU, Role.CITY_EDU, Role.COUNTY_EDU];
/** who supervises assessment in a region: the bureaus and the quality supervisors (质量督导员) */
export const SUPERVISORS: readonly Role[] = [...BUREAUS, Role.SUPERVISOR];
/** who runs a college's agency: its admin and its agency staff */
export const COLLEGE_SIDE: readonly Role[] = [Role.COLLEGE_ADMIN, Role.AGENCY_STAFF];
/** who may record scores: the agency's staff and its assessors */
export const SCORERS: readonly Role[] = [...COLLEGE_SIDE, Role.ASSESSOR];

/** Plans anyone may see: open for registration, and results in 公示 or final. */
export const PUBLIC_PLAN_STATUSES = ['OPEN', 'PUBLISHED', 'FINALIZED'] as const;

export function regionsWithin(code: string): string[] {
  return FUJIAN_REGIONS.map((r) => r.code).filter((c) => isWithinRegion(c, code));
}

const grantsIn = (p: Principal, roles: readonly Role[]) =>
  p.grants.filter((g): g is Grant => roles.includes(g.role));

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

interface PlanFacts {
  status: string;
  regionCode: string;
  institutionCode: string;
}

export interface PlanVisibility {
  where: Prisma.AssessmentPlanWhereInput;
  allows(p: PlanFacts): boolean;
  /** the plan's records (registrations, scores, sessions' staff): the college, its assessors, the region's supervisors */
  recordsVisible(p: Pick<PlanFacts, 'regionCode' | 'institutionCode'>): boolean;
  /** recordsVisible as a filter of plans */
  recordsWhere: Prisma.AssessmentPlanWhereInput;
}

const planVisibilityOf = new WeakMap<Principal, PlanVisibility>();

/** 评价计划可见范围 — open and published plans are public; the college's side and the region's supervisors see all. */
export function planVisibility(p: Principal): PlanVisibility {
  const known = planVisibilityOf.get(p);
  if (known) return known;
  const { regions, orgs } = reachOf(p, SUPERVISORS, SCORERS);
  const recordsVisible = (x: Pick<PlanFacts, 'regionCode' | 'institutionCode'>) =>
    regions.includes(x.regionCode) || orgs.includes(x.institutionCode);
  const v: PlanVisibility = {
    where: {
      OR: [
        { status: { in: [...PUBLIC_PLAN_STATUSES] } },
        ...(regions.length ? [{ regionCode: { in: regions } }] : []),
        ...(orgs.length ? [{ institutionCode: { in: orgs } }] : []),
      ],
    },
    allows: (x) => (PUBLIC_PLAN_STATUSES as readonly string[]).includes(x.status) || recordsVisible(x),
    recordsVisible,
    recordsWhere:
      regions.length || orgs.length
        ? {
            OR: [
              ...(regions.length ? [{ regionCode: { in: regions } }] : []),
              ...(orgs.length ? [{ institutionCode: { in: orgs } }] : []),
            ],
          }
        : { id: { in: [] } },
  };
  planVisibilityOf.set(p, v);
  return v;
}

/** May the caller manage this plan (sessions, registrations, publication)? The agency's college only. */
export const managesPlan = (p: Principal, plan: { institutionCode: string }) =>
  principalCan(p, COLLEGE_SIDE, { orgCode: plan.institutionCode });

/** May the caller record scores of this plan? The agency's staff and its assessors. */
export const scoresPlan = (p: Principal, plan: { institutionCode: string }) =>
  principalCan(p, SCORERS, { orgCode: plan.institutionCode });

export interface CandidateVisibility {
  /** `null`: the caller sees no candidate */
  where: Prisma.CandidateWhereInput | null;
  allows(c: { institutionCode: string | null; regionCode: string; accountId: string | null }): boolean;
}

/**
 * 考生可见范围 — personal data: the candidate themself, their college, the colleges whose plans they registered
 * for (checked on the row through its registrations), and the bureaus of their region.
 */
export function candidateVisibility(p: Principal): CandidateVisibility {
  const { regions, orgs } = reachOf(p, BUREAUS, SCORERS);
  const self = p.kind === 'user' && p.grants.some((g) => g.role === Role.CANDIDATE) ? p.id : null;
  const or: Prisma.CandidateWhereInput[] = [];
  if (regions.length) or.push({ regionCode: { in: regions } });
  if (orgs.length)
    or.push(
      { institutionCode: { in: orgs } },
      { registrations: { some: { plan: { institutionCode: { in: orgs } } } } },
    );
  if (self) or.push({ accountId: self });
  return {
    where: or.length ? { OR: or } : null,
    allows: (c) =>
      regions.includes(c.regionCode) ||
      (!!c.institutionCode && orgs.includes(c.institutionCode)) ||
      (!!self && c.accountId === self),
  };
}
