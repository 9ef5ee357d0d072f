// 角色 — who does what on the platform (DOMAIN.md A.11), and what a role's scope is: a region (bureaus), an
// organisation (colleges, agencies, partners) or the person themself (candidates).
import { isWithinRegion } from './region.js';

export const Role = {
  /** 省人社厅 — province HR department */
  PROVINCE_HR: 'PROVINCE_HR',
  /** 省教育厅 — province education department */
  PROVINCE_EDU: 'PROVINCE_EDU',
  /** 省级目录管理员 — maintains the occupation catalogue */
  PROVINCE_CATALOGUE_ADMIN: 'PROVINCE_CATALOGUE_ADMIN',
  /** 市人社局（鉴定指导中心） */
  CITY_HR: 'CITY_HR',
  /** 市教育局 */
  CITY_EDU: 'CITY_EDU',
  /** 县（区）人社局，含泉州开发区社会事业局、泉州台商投资区民生保障局 */
  COUNTY_HR: 'COUNTY_HR',
  /** 县（区）教育局 */
  COUNTY_EDU: 'COUNTY_EDU',
  /** 院校管理员 */
  COLLEGE_ADMIN: 'COLLEGE_ADMIN',
  /** 评价机构工作人员 */
  AGENCY_STAFF: 'AGENCY_STAFF',
  /** 考评员 */
  ASSESSOR: 'ASSESSOR',
  /** 质量督导员 */
  SUPERVISOR: 'SUPERVISOR',
  /** 考生（在校学生、社会考生） */
  CANDIDATE: 'CANDIDATE',
  /** 合作方（用人单位、其他政务系统） */
  PARTNER: 'PARTNER',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export type RoleScopeKind = 'REGION' | 'ORGANISATION' | 'SELF';

export interface RoleInfo {
  role: Role;
  name: string;
  scope: RoleScopeKind;
}

export const ROLES: readonly RoleInfo[] = [
  { role: Role.PROVINCE_HR, name: '省人社厅', scope: 'REGION' },
  { role: Role.PROVINCE_EDU, name: '省教育厅', scope: 'REGION' },
  { role: Role.PROVINCE_CATALOGUE_ADMIN, name: '省级目录管理员', scope: 'REGION' },
  { role: Role.CITY_HR, name: '市人社局', scope: 'REGION' },
  { role: Role.CITY_EDU, name: '市教育局', scope: 'REGION' },
  { role: Role.COUNTY_HR, name: '县（区）人社局', scope: 'REGION' },
  { role: Role.COUNTY_EDU, name: '县（区）教育局', scope: 'REGION' },
  { role: Role.COLLEGE_ADMIN, name: '院校管理员', scope: 'ORGANISATION' },
  { role: Role.AGENCY_STAFF, name: '评价机构工作人员', scope: 'ORGANISATION' },
  { role: Role.ASSESSOR, name: '考评员', scope: 'ORGANISATION' },
  { role: Role.SUPERVISOR, name: '质量督导员', scope: 'REGION' },
  { role: Role.CANDIDATE, name: '考生', scope: 'SELF' },
  { role: Role.PARTNER, name: '合作方', scope: 'ORGANISATION' },
];

export function isRole(x: unknown): x is Role {
  return typeof x === 'string' && ROLES.some((r) => r.role === x);
}

export function roleInfo(role: Role): RoleInfo {
  return ROLES.find((r) => r.role === role)!;
}

/** One role held for one scope. */
export interface Grant {
  role: Role;
  regionCode?: string | null;
  orgCode?: string | null;
}

/** The target of an action: the region it belongs to and/or the organisation that owns it. */
export interface ScopeTarget {
  regionCode?: string | null;
  orgCode?: string | null;
}

/**
 * Does this grant reach the target? A region grant reaches everything inside its region (a city bureau sees
 * its counties, not the neighbouring city); an organisation grant reaches only that organisation.
 */
export function grantCovers(grant: Grant, target: ScopeTarget): boolean {
  const scope = ROLES.find((r) => r.role === grant.role)?.scope;
  if (scope === 'REGION') {
    return !!grant.regionCode && !!target.regionCode && isWithinRegion(target.regionCode, grant.regionCode);
  }
  if (scope === 'ORGANISATION') return !!grant.orgCode && grant.orgCode === target.orgCode;
  return false;
}

/** Does any of these grants, with one of the given roles, reach the target? */
export function canActOn(grants: readonly Grant[], roles: readonly Role[], target: ScopeTarget): boolean {
  return grants.some((g) => roles.includes(g.role) && grantCovers(g, target));
}
