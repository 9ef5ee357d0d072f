import { describe, expect, it } from 'vitest';
import { addChinaYears, chinaYear, endOfChinaDay } from './china-time.js';
import { chinaDate } from './id-number.js';

describe('China time (Asia/Shanghai, UTC+8)', () => {
  it('an instant late in the UTC day is already the next day, and year, in China', () => {
    const newYear = new Date('2026-12-31T17:00:00Z'); // 2027-01-01 01:00 in China
    expect(chinaYear(newYear)).toBe(2027);
    expect(chinaDate(newYear)).toBe('2027-01-01');
  });
  it('a period of 3 years ends at 00:00 China time of the same China day 3 years on', () => {
    // approved 2026-01-01 07:30 in China = 2025-12-31 23:30 UTC; UTC arithmetic would end on 2028-12-31
    expect(addChinaYears(new Date('2025-12-31T23:30:00Z'), 3).toISOString()).toBe('2028-12-31T16:00:00.000Z');
  });
  it('a deadline given as a day lasts until the end of that day in China', () => {
    expect(endOfChinaDay(new Date('2027-03-31T00:00:00+08:00')).toISOString()).toBe(
      '2027-03-31T15:59:59.999Z',
    );
    expect(endOfChinaDay(new Date('2027-03-31T20:00:00Z')).toISOString()).toBe('2027-04-01T15:59:59.999Z');
  });
});
