import { describe, expect, it } from 'vitest';
import { portalAllowed } from './portal-access';

const visible = (roles: string[]) =>
  ['portal_public', 'portal_bureau', 'portal_institution', 'portal_candidate'].filter((p) =>
    portalAllowed(p, roles),
  );

describe('portal visibility by role', () => {
  it('shows 公众服务 to everyone', () => {
    expect(visible([])).toEqual(['portal_public']);
    expect(visible(['PARTNER'])).toEqual(['portal_public']);
  });
  it('shows 监管部门 to province, city and county bureaus and supervisors', () => {
    for (const r of ['PROVINCE_HR', 'PROVINCE_CATALOGUE_ADMIN', 'CITY_EDU', 'COUNTY_HR', 'SUPERVISOR'])
      expect(visible([r])).toEqual(['portal_public', 'portal_bureau']);
  });
  it('shows 院校与评价机构 to the college side and 考生服务 to candidates', () => {
    for (const r of ['COLLEGE_ADMIN', 'AGENCY_STAFF', 'ASSESSOR'])
      expect(visible([r])).toEqual(['portal_public', 'portal_institution']);
    expect(visible(['CANDIDATE'])).toEqual(['portal_public', 'portal_candidate']);
  });
});
