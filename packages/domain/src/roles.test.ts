import { describe, expect, it } from 'vitest';
import { canActOn, grantCovers, isRole, Role, ROLES } from './roles.js';

describe('roles', () => {
  it('names every role in Chinese and knows its scope kind', () => {
    expect(ROLES).toHaveLength(Object.keys(Role).length);
    expect(ROLES.every((r) => /[\u4e00-\u9fa5]/.test(r.name))).toBe(true);
    expect(isRole('COUNTY_HR')).toBe(true);
    expect(isRole('ROOT')).toBe(false);
  });

  it('a region grant covers its own region and what lies inside it, nothing else', () => {
    const city = { role: Role.CITY_HR, regionCode: '350500' };
    expect(grantCovers(city, { regionCode: '350582' })).toBe(true); // 晋江 in 泉州
    expect(grantCovers(city, { regionCode: '350500' })).toBe(true);
    expect(grantCovers(city, { regionCode: '350102' })).toBe(false); // 福州鼓楼
    expect(grantCovers(city, { regionCode: '350000' })).toBe(false); // the province is above it
    const county = { role: Role.COUNTY_HR, regionCode: '350582' };
    expect(grantCovers(county, { regionCode: '350583' })).toBe(false); // 南安 is another county
    expect(grantCovers(county, {})).toBe(false);
  });

  it('an organisation grant covers only that organisation', () => {
    const college = { role: Role.COLLEGE_ADMIN, orgCode: 'A' };
    expect(grantCovers(college, { orgCode: 'A', regionCode: '350500' })).toBe(true);
    expect(grantCovers(college, { orgCode: 'B' })).toBe(false);
    expect(grantCovers({ role: Role.COLLEGE_ADMIN }, { orgCode: 'A' })).toBe(false);
  });

  it('canActOn needs both a listed role and a covering scope', () => {
    const grants = [
      { role: Role.COUNTY_HR, regionCode: '350582' },
      { role: Role.COLLEGE_ADMIN, orgCode: 'A' },
    ];
    expect(canActOn(grants, [Role.COUNTY_HR, Role.CITY_HR], { regionCode: '350582' })).toBe(true);
    expect(canActOn(grants, [Role.CITY_HR], { regionCode: '350582' })).toBe(false);
    expect(canActOn(grants, [Role.COLLEGE_ADMIN], { orgCode: 'B' })).toBe(false);
    expect(canActOn([], [Role.CITY_HR], { regionCode: '350500' })).toBe(false);
  });
});
