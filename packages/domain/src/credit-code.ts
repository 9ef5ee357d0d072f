// 统一社会信用代码 (GB 32100-2015): 登记管理部门(1) + 机构类别(1) + 行政区划(6) + 主体标识码(9) + 校验码(1).
import { err, ok } from './errors.js';
import type { Result } from './errors.js';

/** The 31 allowed characters; I, O, Z, S, V are excluded to avoid confusion with digits. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * Common 登记管理部门+机构类别 prefixes (a subset of GB 32100 Appendix A): what colleges, agencies and
 * employers on this platform usually carry. Unknown prefixes are still valid codes.
 */
export const CREDIT_CODE_ORG_TYPES: Readonly<Record<string, string>> = {
  '11': '机关',
  '12': '事业单位',
  '13': '中央编办直接管理机构编制的群众团体',
  '19': '其他（机构编制）',
  '51': '社会团体',
  '52': '民办非企业单位',
  '53': '基金会',
  '59': '其他（民政）',
  '91': '企业',
  '92': '个体工商户',
  '93': '农民专业合作社',
};

/** 统一社会信用代码信息 */
export interface CreditCodeInfo {
  /** Normalised (upper-case) code. */
  readonly value: string;
  /** 登记管理部门代码, e.g. '1' 机构编制, '5' 民政, '9' 市场监管 */
  readonly registrationAuthority: string;
  /** 机构类别代码, e.g. '2' under '1' = 事业单位 */
  readonly orgType: string;
  /** 登记管理机关行政区划码 (GB/T 2260) */
  readonly regionCode: string;
  /** Chinese name of the authority+type prefix when it is a common one. */
  readonly orgTypeName?: string;
}

/** The check character for 17 characters of the charset. Throws RangeError on other input. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('expected 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`character not allowed in a credit code: ${first17.charAt(i)}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31);
}

const SHAPE = new RegExp(`^[${CREDIT_CODE_CHARSET}]{2}\\d{6}[${CREDIT_CODE_CHARSET}]{10}$`);

/** Validates shape (charset, 6-digit region segment) and the mod-31 check character. */
export function parseCreditCode(s: string): Result<CreditCodeInfo> {
  const value = s.trim().toUpperCase();
  if (!SHAPE.test(value)) return err('INVALID_CREDIT_CODE');
  if (creditCodeCheckChar(value.slice(0, 17)) !== value.charAt(17)) return err('INVALID_CREDIT_CODE');
  const info: CreditCodeInfo = {
    value,
    registrationAuthority: value.charAt(0),
    orgType: value.charAt(1),
    regionCode: value.slice(2, 8),
  };
  const orgTypeName = CREDIT_CODE_ORG_TYPES[value.slice(0, 2)];
  return ok(orgTypeName === undefined ? info : { ...info, orgTypeName });
}

export function isValidCreditCode(s: string): boolean {
  return parseCreditCode(s).ok;
}

// Demo 主体标识码 start with this so demo data stays recognisable as such.
const DEMO_MARK = 'DM';

/**
 * A valid code for demo data (made up, not any real organisation's): prefix ('12' 事业单位 for public colleges,
 * '52' 民办非企业单位 for private ones) + region + 'DM' + 7-digit seed + check char.
 * Throws RangeError unless regionCode is 6 digits and seed an integer in 0..9_999_999.
 */
export function makeDemoCreditCode(regionCode: string, seed: number, prefix: '12' | '52' = '12'): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError('regionCode must be 6 digits');
  if (!Number.isInteger(seed) || seed < 0 || seed > 9_999_999)
    throw new RangeError('seed must be 0..9999999');
  const first17 = `${prefix}${regionCode}${DEMO_MARK}${String(seed).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

/** True for codes produced by makeDemoCreditCode — so demo data can be labelled and never shown as real. */
export function isDemoCreditCode(s: string): boolean {
  const value = s.trim().toUpperCase();
  return isValidCreditCode(value) && value.slice(8, 10) === DEMO_MARK && /^\d{7}$/.test(value.slice(10, 17));
}
