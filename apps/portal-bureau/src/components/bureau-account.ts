import { cityLevelOf, findRegion, regionFullName, regionShortName } from '@skills/domain';
import { useSession, type SessionRole } from '@skills/graphql-client';

/** 监管部门账号的管辖：地区代码与可办理的环节 */
export interface BureauAccount {
  /** the region the account's bureau role covers, e.g. 350500 */
  regionCode: string | undefined;
  regionName: string | undefined;
  /** the city-level region the account's region belongs to (平潭综合实验区 is its own); none for the province */
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
    cityCode:
      regionCode && findRegion(regionCode)?.level !== 'PROVINCE' ? cityLevelOf(regionCode) : undefined,
    isCounty: roles.some((r) => r.role === 'COUNTY_HR'),
    isCityHr: roles.some((r) => r.role === 'CITY_HR'),
    roles: [...roles],
  };
}

export function useBureauAccount(): BureauAccount {
  return bureauAccount(useSession().account?.roles ?? []);
}

/**
 * A region as this bureau reads it in a table: its own name within the bureau's city ('晋江市'), the city too when
 * the bureau looks across cities (a provincial account: '泉州市晋江市'). Never a bare code for a known region.
 */
export function regionLabel(bureau: Pick<BureauAccount, 'regionCode'>, code: string): string {
  const acrossCities = bureau.regionCode ? findRegion(bureau.regionCode)?.level === 'PROVINCE' : true;
  return acrossCities ? (regionFullName(code) ?? code) : regionShortName(code);
}
