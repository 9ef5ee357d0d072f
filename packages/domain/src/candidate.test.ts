import { describe, expect, it } from 'vitest';
import {
  checkEligibility,
  DEFAULT_ELIGIBILITY_RULES,
  describePath,
  type CandidateFacts,
} from './candidate.js';

const student = (schoolType: CandidateFacts['schoolType']): CandidateFacts => ({
  category: 'STUDENT',
  schoolType,
  priorLevels: [],
});
const social = (priorLevels: CandidateFacts['priorLevels'], workYears: number): CandidateFacts => ({
  category: 'MIGRANT_WORKER',
  priorLevels,
  workYears,
});
const code = (r: ReturnType<typeof checkEligibility>) => (r.ok ? 'ok' : r.error.code);

describe('eligibility (申报条件)', () => {
  it('在校生: the school-type cap, never above 三级', () => {
    expect(code(checkEligibility(student('SECONDARY_VOCATIONAL'), '6-31-01-03', 4))).toBe('ok');
    const r = checkEligibility(student('SECONDARY_VOCATIONAL'), '6-31-01-03', 3);
    expect(code(r)).toBe('LEVEL_EXCEEDS_SCHOOL_CAP');
    expect(r.ok || r.error.message).toMatch(/中职学生不能评价三级\/高级工/);
    expect(code(checkEligibility(student('HIGHER_VOCATIONAL'), '6-31-01-03', 3))).toBe('ok');
    expect(code(checkEligibility(student('HIGHER_VOCATIONAL'), '6-31-01-03', 2))).toBe(
      'LEVEL_EXCEEDS_SCHOOL_CAP',
    );
    expect(code(checkEligibility(student('VOCATIONAL_UNDERGRADUATE'), 'x', 'SPECIAL_ABILITY'))).toBe('ok');
    expect(code(checkEligibility(student(null), 'x', 4))).toBe('NOT_ELIGIBLE');
  });
  it('社会考生: a prior certificate and years of work, each refusal naming the rule in Chinese', () => {
    expect(code(checkEligibility(social([], 1), '6-31-01-03', 5))).toBe('ok');
    expect(code(checkEligibility(social([], 6), '6-31-01-03', 4))).toBe('ok');
    expect(code(checkEligibility(social([5], 4), '6-31-01-03', 4))).toBe('ok');
    const r = checkEligibility(social([5], 3), '6-31-01-03', 4);
    expect(code(r)).toBe('NOT_ELIGIBLE');
    expect(r.ok || r.error.message).toBe(
      '不符合报名条件（社会考生申报四级/中级工）：须取得本职业五级/初级工证书后，累计从事本职业工作4年（含）以上；或累计从事本职业工作6年（含）以上',
    );
    // a higher certificate satisfies a rule asking for a lower one
    expect(code(checkEligibility(social([3], 5), '6-31-01-03', 3))).toBe('ok');
    expect(code(checkEligibility(social([], 0), 'FJZX-0001', 'SPECIAL_ABILITY'))).toBe('ok');
  });
  it('rules per occupation replace the defaults', () => {
    const rules = {
      ...DEFAULT_ELIGIBILITY_RULES,
      byOccupation: { '4-10-01-05': [{ level: 5 as const, paths: [{ years: 0 }] }] },
    };
    expect(code(checkEligibility(social([], 0), '4-10-01-05', 5, rules))).toBe('ok');
    expect(code(checkEligibility(social([], 0), '6-31-01-03', 5, rules))).toBe('NOT_ELIGIBLE');
    expect(describePath({ priorLevel: 4, years: 0 })).toBe('取得本职业四级/中级工证书');
  });
});
