import { useSession, type SessionRole } from '@skills/graphql-client';

/** 监管部门账号的管辖：地区代码与可办理的环节 */
export interface BureauAccount {
  /** the region the account's bureau role covers, e.g. 350500 */
  regionCode: string | undefined;
  regionName: string | undefined;
  /** the city the region belongs to (its first four digits + 00) */
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
    cityCode: regionCode && !regionCode.endsWith('0000') ? `${regionCode.slice(0, 4)}00` : undefined,
    isCounty: roles.some((r) => r.role === 'COUNTY_HR'),
    isCityHr: roles.some((r) => r.role === 'CITY_HR'),
    roles: [...roles],
  };
}

export function useBureauAccount(): BureauAccount {
  return bureauAccount(useSession().account?.roles ?? []);
}
