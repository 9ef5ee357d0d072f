import { describe, it, expect } from 'vitest';
import {
  creditCodeCheckChar,
  isDemoCreditCode,
  isValidCreditCode,
  makeDemoCreditCode,
  parseCreditCode,
} from './credit-code.js';

// Independent check: GB 32100 weights are 3^i mod 31; check index (31 - sum mod 31) mod 31.
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function referenceCheck(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (const ch of first17) {
    sum += CHARS.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  return CHARS.charAt((31 - (sum % 31)) % 31);
}

// 91350100M000100Y43 (a 福州 enterprise code, quoted as a sample) was checked against the reference above.
const SAMPLE = '91350100M000100Y43';

describe('creditCodeCheckChar', () => {
  it('validates the sample', () => {
    expect(referenceCheck(SAMPLE.slice(0, 17))).toBe('3');
    expect(creditCodeCheckChar(SAMPLE.slice(0, 17))).toBe('3');
  });

  it('agrees with the reference on varied inputs', () => {
    for (const first17 of [
      '12350500DM0000001',
      '52350582ABCDEFGHJ',
      '11350000000000000',
      'Y1350100XWUTRQPNM',
    ]) {
      expect(creditCodeCheckChar(first17)).toBe(referenceCheck(first17));
    }
  });

  it('throws on bad input', () => {
    expect(() => creditCodeCheckChar('9135')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100M000100I4')).toThrow(RangeError);
  });
});

describe('parseCreditCode', () => {
  it('splits a valid code', () => {
    expect(parseCreditCode(SAMPLE)).toEqual({
      ok: true,
      value: {
        value: SAMPLE,
        registrationAuthority: '9',
        orgType: '1',
        regionCode: '350100',
        orgTypeName: '企业',
      },
    });
  });

  it('normalises case and space', () => {
    const r = parseCreditCode(' 91350100m000100y43 ');
    expect(r.ok && r.value.value).toBe(SAMPLE);
  });

  it('omits the type name for an uncommon prefix', () => {
    const first17 = 'Y1350100ABC123456';
    const r = parseCreditCode(first17 + referenceCheck(first17));
    expect(r.ok).toBe(true);
    expect(r.ok && 'orgTypeName' in r.value).toBe(false);
  });

  it.each([
    ['wrong check char', '91350100M000100Y44'],
    ['too short', '91350100M000100Y4'],
    ['too long', '91350100M000100Y433'],
    ['letter O', '91350100M0001O0Y43'],
    ['letter I', '91350100MI00100Y43'],
    ['letter S', '9135010SM000100Y43'],
    ['empty', ''],
  ])('rejects %s', (_label, s) => {
    const r = parseCreditCode(s);
    expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_CREDIT_CODE');
  });

  it('rejects a non-digit region segment even with a correct check char', () => {
    const first17 = '9135A100M000100Y4';
    expect(isValidCreditCode(first17 + referenceCheck(first17))).toBe(false);
  });
});

describe('makeDemoCreditCode', () => {
  it('builds valid, recognisable codes', () => {
    const code = makeDemoCreditCode('350500', 42);
    expect(code).toMatch(/^12350500DM0000042.$/);
    expect(code.charAt(17)).toBe(referenceCheck(code.slice(0, 17)));
    const r = parseCreditCode(code);
    expect(r.ok && r.value.orgTypeName).toBe('事业单位');
    expect(r.ok && r.value.regionCode).toBe('350500');
    expect(isDemoCreditCode(code)).toBe(true);
    expect(isDemoCreditCode(SAMPLE)).toBe(false);
  });

  it('makes private-college codes and distinct codes per seed', () => {
    expect(makeDemoCreditCode('350582', 1, '52').startsWith('52350582')).toBe(true);
    const codes = new Set([0, 1, 2, 3, 9_999_999].map((seed) => makeDemoCreditCode('350500', seed)));
    expect(codes.size).toBe(5);
    for (const code of codes) expect(isValidCreditCode(code)).toBe(true);
  });

  it('refuses bad arguments', () => {
    expect(() => makeDemoCreditCode('3505', 1)).toThrow(RangeError);
    expect(() => makeDemoCreditCode('350500', -1)).toThrow(RangeError);
    expect(() => makeDemoCreditCode('350500', 1.5)).toThrow(RangeError);
    expect(() => makeDemoCreditCode('350500', 10_000_000)).toThrow(RangeError);
  });
});
