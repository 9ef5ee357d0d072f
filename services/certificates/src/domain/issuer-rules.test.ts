import { describe, expect, it } from 'vitest';
import type { AgencyFacts, ResultFacts } from '../facts-client.js';
import { issuanceOf, issuerOf } from './issuer-rules.js';

const D = (s: string) => new Date(`${s}T09:00:00+08:00`);
const result = (over: Partial<ResultFacts> = {}): ResultFacts => ({
  id: 'r1',
  kind: 'OCCUPATION',
  occupationCode: '6-31-01-03',
  level: 3,
  agencyId: 'a1',
  planId: 'p1',
  candidateId: 'c1',
  theory: 80,
  practical: 80,
  passed: true,
  finalizedAt: D('2027-02-01'),
  assessmentDate: D('2027-01-15'),
  candidate: { name: '陈思远', idNumber: '', accountId: null, institutionCode: null, graduationYear: null },
  ...over,
});
const agency = (over: Partial<AgencyFacts> = {}): AgencyFacts => ({
  id: 'a1',
  name: '黎明职业大学职业技能等级评价中心',
  kind: 'SKILL_LEVEL_AGENCY',
  status: 'FILED',
  regionCode: '350503',
  validFrom: D('2025-06-18'),
  validUntil: D('2028-06-18'),
  institutionCode: '12350000000000001X',
  scope: [{ occupationCode: '6-31-01-03', kind: 'OCCUPATION', levels: [4, 3] }],
  ...over,
});

describe('谁评价、谁发证', () => {
  it('has the agency issue 职业技能等级证书, the city HR bureau 专项职业能力证书', () => {
    expect(issuerOf(result(), agency())).toMatchObject({
      certificateKind: 'SKILL_LEVEL',
      issuer: { kind: 'AGENCY', id: 'agency:a1', regionCode: '350503' },
    });
    // a county-level agency's 专项 certificates come from its city's bureau
    expect(issuerOf(result({ kind: 'SPECIAL_ABILITY' }), agency({ regionCode: '350526' }))).toEqual({
      certificateKind: 'SPECIAL_ABILITY',
      issuer: {
        kind: 'HR_BUREAU',
        id: 'bureau:350500',
        name: '泉州市人力资源和社会保障局',
        regionCode: '350500',
      },
    });
  });
  it('issues only passed results of an agency filed for the occupation × level on the assessment date', () => {
    expect(issuanceOf(result(), agency()).ok).toBe(true);
    const reason = (r: ReturnType<typeof issuanceOf>) => (r.ok ? null : r.error.message);
    expect(reason(issuanceOf(result({ passed: false }), agency()))).toMatch(/陈思远的评价结果不合格/);
    expect(reason(issuanceOf(result({ level: 2 }), agency()))).toMatch(/备案范围不含6-31-01-03 二级/);
    expect(reason(issuanceOf(result(), agency({ validUntil: D('2027-01-01') })))).toMatch(
      /评价日期 2027-01-15 不在.*备案有效期内/,
    );
    // a filing that expired after the assessment still covers it; a suspended or unknown agency does not
    expect(issuanceOf(result(), agency({ status: 'EXPIRED' })).ok).toBe(true);
    const suspended = issuanceOf(result(), agency({ status: 'SUSPENDED' }));
    expect(suspended.ok ? null : suspended.error.code).toBe('AGENCY_NOT_FILED');
    expect(issuanceOf(result(), null).ok).toBe(false);
    // 专项 only from a 考核鉴定机构
    expect(reason(issuanceOf(result({ kind: 'SPECIAL_ABILITY', level: null }), agency()))).toMatch(
      /职业技能等级评价机构不能组织专项职业能力考核/,
    );
  });
});
