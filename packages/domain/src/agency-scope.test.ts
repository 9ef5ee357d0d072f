import { describe, expect, it } from 'vitest';
import { agencyLevelScope, checkAgencyLevel } from './agency-scope.js';

const code = (r: ReturnType<typeof checkAgencyLevel>) => (r.ok ? 'OK' : r.error.code);

describe('agency levels (ADR 0012): student caps for a first filing, any level by expansion', () => {
  it('a first filing stays within the student range of its school type', () => {
    expect(code(checkAgencyLevel('SECONDARY_VOCATIONAL', 'SKILL_LEVEL_AGENCY', 4, false))).toBe('OK');
    expect(code(checkAgencyLevel('SECONDARY_VOCATIONAL', 'SKILL_LEVEL_AGENCY', 3, false))).toBe(
      'LEVEL_EXCEEDS_SCHOOL_CAP',
    );
    expect(code(checkAgencyLevel('HIGHER_VOCATIONAL', 'SKILL_LEVEL_AGENCY', 5, false))).toBe(
      'LEVEL_EXCEEDS_SCHOOL_CAP',
    );
    expect(code(checkAgencyLevel('HIGHER_VOCATIONAL', 'SKILL_LEVEL_AGENCY', 2, false))).toBe(
      'LEVEL_NEEDS_EXPANSION',
    );
  });
  it('an expansion opens every level: a 中职 adds 三级 as well as 技师, a 高职 adds 五级', () => {
    for (const level of [5, 4, 3, 2, 1] as const) {
      expect(
        code(checkAgencyLevel('SECONDARY_VOCATIONAL', 'SKILL_LEVEL_AGENCY', level, true)),
        `中职 ${level}`,
      ).toBe('OK');
      expect(
        code(checkAgencyLevel('HIGHER_VOCATIONAL', 'SKILL_LEVEL_AGENCY', level, true)),
        `高职 ${level}`,
      ).toBe('OK');
    }
  });
  it('the students keep their cap whatever the agency holds', () => {
    expect(agencyLevelScope('SECONDARY_VOCATIONAL', 'SKILL_LEVEL_AGENCY', true)).toEqual({
      forStudents: [5, 4],
      requestable: [5, 4, 3, 2, 1],
      byExpansion: [3, 2, 1],
    });
    expect(agencyLevelScope('HIGHER_VOCATIONAL', 'SKILL_LEVEL_AGENCY', false)).toEqual({
      forStudents: [4, 3],
      requestable: [4, 3],
      byExpansion: [5, 2, 1],
    });
  });
  it('a third-party organisation serves social candidates: 五级–三级 first, 技师 and up by expansion', () => {
    expect(agencyLevelScope('SECONDARY_VOCATIONAL', 'THIRD_PARTY_ORGANISATION', false)).toEqual({
      forStudents: [],
      requestable: [5, 4, 3],
      byExpansion: [2, 1],
    });
    expect(code(checkAgencyLevel('SECONDARY_VOCATIONAL', 'THIRD_PARTY_ORGANISATION', 1, false))).toBe(
      'LEVEL_NEEDS_EXPANSION',
    );
  });
});
