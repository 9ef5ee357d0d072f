// 北京时间 (Asia/Shanghai): dates in the notices, filing periods, rectification deadlines and number years are
// calendar days in China, not in UTC. China has kept UTC+8 all year since 1991 (no daylight saving), so a fixed
// offset is exact for every date this platform handles. (chinaDate of id-number.ts gives the day as YYYY-MM-DD.)
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** 日历日 in China: year, month 1–12, day 1–31. */
export interface ChinaDate {
  year: number;
  month: number;
  day: number;
}

/** The China calendar day an instant falls on. */
export function chinaDay(at: Date): ChinaDate {
  const shifted = new Date(at.getTime() + OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The year in China (a filing number's or a certificate number's year). */
export const chinaYear = (at: Date) => chinaDay(at).year;

/** 00:00 China time of a calendar day. */
export function startOfChinaDay(d: ChinaDate): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day) - OFFSET_MS);
}

/** The last instant (23:59:59.999 China time) of the day `at` falls on: a deadline given as a day. */
export function endOfChinaDay(at: Date): Date {
  return new Date(startOfChinaDay(chinaDay(at)).getTime() + DAY_MS - 1);
}

/**
 * The end of a period of whole years begun at `from`: 00:00 China time of the same calendar day `years` later
 * (exclusive), so a filing approved on 2025-06-18 is valid through 2028-06-17 in China. 29 February moves to
 * 1 March in a year without it.
 */
export function addChinaYears(from: Date, years: number): Date {
  const d = chinaDay(from);
  return startOfChinaDay({ ...d, year: d.year + years });
}
