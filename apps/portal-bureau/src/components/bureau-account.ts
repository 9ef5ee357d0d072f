import { ancestorsOf, findRegion } from '@skills/domain';
import { useSession, type SessionRole } from '@skills/graphql-client';

/** 监管部门账号的管辖：地区代码与可办理的环节 */
export interface BureauAccount {
  /** the region the account's bureau role covers, e.g. 350500 */
  regionCode: string | undefined;
  regionName: string | undefined;
  /** the city-level region the region belongs to, by the region data (平潭综合实验区 350128 is its own) */
  cityCode: string | undefined;
  isCounty: boolean;
  isCityHr: boolean;
  roles: SessionRole[];
}

export function bureauAccount(roles: readonly SessionRole[]): BureauAccount {
  const grant =
    roles.find((r) => r.regionCode && r.role !== 'PROVINCE_CATALOGUE_ADMIN') ??
    roles.find((r) => r.regionCode);
  const regionCode = grant?.regionCode ?? undefined;
  return {
    regionCode,
    regionName: grant?.regionName ?? undefined,
    cityCode: regionCode ? cityLevelOf(regionCode) : undefined,
    isCounty: roles.some((r) => r.role === 'COUNTY_HR'),
    isCityHr: roles.some((r) => r.role === 'CITY_HR'),
    roles: [...roles],
  };
}

export function useBureauAccount(): BureauAccount {
  return bureauAccount(useSession().account?.roles ?? []);
}

/** The CITY-level region a region is or lies in (Region.level of the domain data), undefined for the province. */
export function cityLevelOf(regionCode: string): string | undefined {
  if (findRegion(regionCode)?.level === 'CITY') return regionCode;
  return ancestorsOf(regionCode).find((r) => r.level === 'CITY')?.code;
}
