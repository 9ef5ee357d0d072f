// 居民身份证号码 (GB 11643-1999) and 手机号 — personal information (PIPL): validate, and mask for display.
import { err, ok } from './errors.js';
import type { Result } from './errors.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

// First two digits of every province-level code (GB/T 2260), plus 81/82/83 used by 港澳台居民居住证.
const PROVINCE_PREFIXES = new Set(
  [
    '11 12 13 14 15 21 22 23',
    '31 32 33 34 35 36 37 41 42 43 44 45 46',
    '50 51 52 53 54 61 62 63 64 65 71 81 82 83',
  ]
    .join(' ')
    .split(' '),
);

// Nobody born before this holds a current card; it also catches typos like 0990.
const MIN_BIRTH_YEAR = 1900;

/** 身份证信息 */
export interface IdNumberInfo {
  /** Normalised number, check char X upper-cased. */
  readonly value: string;
  /** 户籍地行政区划代码 at issue time — may be an abolished code. */
  readonly regionCode: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  /** 性别: 17th digit odd = M. */
  readonly gender: 'M' | 'F';
}

/** The check character for 17 digits. Throws RangeError when `first17` is not 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** Calendar date (YYYY-MM-DD) in China (UTC+8), whatever the server's time zone. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** True when the string is a real Gregorian date YYYY-MM-DD. */
function isCalendarDate(ymd: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Validates an 18-character ID number: shape, province prefix, birth date (real, from 1900, not after
 * `today` in China time) and the mod-11 check character. 15-digit first-generation numbers are rejected.
 */
export function parseIdNumber(s: string, today: Date = new Date()): Result<IdNumberInfo> {
  const value = s.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return err('INVALID_ID_NUMBER');
  const regionCode = value.slice(0, 6);
  if (!PROVINCE_PREFIXES.has(regionCode.slice(0, 2))) return err('INVALID_ID_NUMBER');
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isCalendarDate(birthDate) || Number(value.slice(6, 10)) < MIN_BIRTH_YEAR)
    return err('INVALID_ID_NUMBER');
  if (birthDate > chinaDate(today)) return err('INVALID_ID_NUMBER');
  if (idNumberCheckChar(value.slice(0, 17)) !== value.charAt(17)) return err('INVALID_ID_NUMBER');
  const gender = Number(value.charAt(16)) % 2 === 1 ? 'M' : 'F';
  return ok({ value, regionCode, birthDate, gender });
}

export function isValidIdNumber(s: string, today?: Date): boolean {
  return parseIdNumber(s, today).ok;
}

/** Masks all but the last two characters; strings of 2 or fewer are masked entirely. */
function maskShort(s: string): string {
  return s.length <= 2 ? '*'.repeat(s.length) : '*'.repeat(s.length - 2) + s.slice(-2);
}

/**
 * For display: first 4 (province + city) and last 4 kept, e.g. '3505**********123X'.
 * Works on any string of 18 or more characters (the middle is masked); shorter input keeps only the last 2.
 */
export function maskIdNumber(s: string): string {
  const v = s.trim();
  if (v.length < 18) return maskShort(v);
  return v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4);
}

/** '13812345678' → '138****5678'. Shorter than 8 characters keeps only the last 2. */
export function maskPhone(s: string): string {
  const v = s.trim();
  if (v.length < 8) return maskShort(v);
  return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
}

/** Mainland mobile number, 11 digits, no country code or separators. */
export function isMobilePhone(s: string): boolean {
  return /^1[3-9]\d{9}$/.test(s.trim());
}

/**
 * A public contact number an office answers: a mobile number, a landline with its area code (0595-22274285,
 * 059522274285, with an extension -801), or a 400/800 service number.
 */
export function isContactPhone(s: string): boolean {
  const v = s.trim();
  return isMobilePhone(v) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(v) || /^[48]00-?\d{3}-?\d{4}$/.test(v);
}

/**
 * Age in whole years (周岁) on `date` (a YYYY-MM-DD string, or a Date read in China time).
 * Someone born on 29 Feb turns a year older on 1 Mar in common years. Throws RangeError on a malformed date.
 */
export function ageOn(birthDate: string, date: string | Date): number {
  const on = typeof date === 'string' ? date : chinaDate(date);
  if (!isCalendarDate(birthDate) || !isCalendarDate(on)) throw new RangeError('expected YYYY-MM-DD dates');
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // MM-DD strings compare correctly as text.
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
