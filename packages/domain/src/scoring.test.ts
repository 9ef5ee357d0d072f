import { describe, expect, it } from 'vitest';
import { checkScoreValue, checkStaffing, hasPassed, publicationEnd } from './scoring.js';

describe('scores, staffing, 公示', () => {
  it('passes with both parts at their marks, never when absent or cheating', () => {
    const s = { theory: 60, theoryMark: 'PRESENT', practical: 75, practicalMark: 'PRESENT' } as const;
    expect(hasPassed(s)).toBe(true);
    expect(hasPassed({ ...s, theory: 59.5 })).toBe(false);
    expect(hasPassed({ ...s, practicalMark: 'CHEATING' })).toBe(false);
    expect(hasPassed({ ...s, theoryMark: 'ABSENT', theory: null })).toBe(false);
    expect(hasPassed(s, { theory: 60, practical: 80 })).toBe(false);
  });
  it('a score is 0..100 with one decimal at most', () => {
    expect(checkScoreValue(88.5, '理论成绩').ok).toBe(true);
    expect(checkScoreValue(100.5, '理论成绩').ok).toBe(false);
    expect(checkScoreValue(88.25, '实操成绩').ok).toBe(false);
  });
  it('practical stations need an odd number of assessors, at least 3 and one per 5 candidates', () => {
    const p = { name: '实操考站一', kind: 'PRACTICAL' as const };
    expect(checkStaffing(p, 3, 15).ok).toBe(true);
    expect(checkStaffing(p, 3, 16).ok).toBe(false);
    expect(checkStaffing(p, 5, 16).ok).toBe(true);
    expect(checkStaffing(p, 4, 10).ok).toBe(false);
    expect(checkStaffing({ name: '理论考场', kind: 'THEORY' }, 2, 40).ok).toBe(true);
  });
  it('公示 ends after 5 working days, skipping weekends and holidays', () => {
    // published Friday 2026-12-04: Mon 7 .. Fri 11 → ends at 24:00 on the 11th (China time)
    expect(publicationEnd(new Date('2026-12-04T10:00:00+08:00')).toISOString()).toBe(
      '2026-12-11T16:00:00.000Z',
    );
    expect(
      publicationEnd(new Date('2026-12-04T10:00:00+08:00'), 5, new Set(['2026-12-08'])).toISOString(),
    ).toBe('2026-12-14T16:00:00.000Z'); // 8th a holiday: Mon 14th
    expect(publicationEnd(new Date('2026-12-04T10:00:00+08:00'), 1).toISOString()).toBe(
      '2026-12-07T16:00:00.000Z',
    );
  });
});
