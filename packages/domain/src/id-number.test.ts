import { describe, it, expect } from 'vitest';
import {
  ageOn,
  chinaDate,
  idNumberCheckChar,
  isContactPhone,
  isMobilePhone,
  isValidIdNumber,
  maskIdNumber,
  maskPhone,
  parseIdNumber,
} from './id-number.js';

// Independent check: GB 11643 weights are 2^(17-i) mod 11, check value (12 - sum mod 11) mod 11, 10 → X.
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const v = (12 - (sum % 11)) % 11;
  return v === 10 ? 'X' : String(v);
}
const withCheck = (first17: string): string => first17 + referenceCheck(first17);

const TODAY = new Date('2025-06-01T04:00:00Z');
const code = (s: string, today = TODAY): string => {
  const r = parseIdNumber(s, today);
  return r.ok ? 'ok' : r.error.code;
};

describe('idNumberCheckChar', () => {
  it('matches the classic sample 11010519491231002X', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
  });

  it('agrees with the reference on varied inputs', () => {
    for (const first17 of [
      '35058220050315002',
      '35050319900101123',
      '35000019800229001',
      '44030520101010999',
    ]) {
      expect(idNumberCheckChar(first17)).toBe(referenceCheck(first17));
    }
  });

  it('throws on bad input', () => {
    expect(() => idNumberCheckChar('1234')).toThrow(RangeError);
    expect(() => idNumberCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('parseIdNumber', () => {
  it('parses the classic sample, lower-case x included', () => {
    const r = parseIdNumber('11010519491231002x', TODAY);
    expect(r).toEqual({
      ok: true,
      value: { value: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', gender: 'F' },
    });
  });

  it('reads gender from the 17th digit', () => {
    const male = parseIdNumber(withCheck('35058220050315001'), TODAY);
    expect(male.ok && male.value.gender).toBe('M');
    const female = parseIdNumber(withCheck('35058220050315002'), TODAY);
    expect(female.ok && female.value.gender).toBe('F');
    expect(female.ok && female.value.birthDate).toBe('2005-03-15');
    expect(female.ok && female.value.regionCode).toBe('350582');
  });

  it('accepts 29 Feb in a leap year and trims space', () => {
    expect(code(` ${withCheck('35050320000229003')} `)).toBe('ok');
  });

  it('rejects a wrong check character', () => {
    const valid = withCheck('35058220050315002');
    const last = valid.charAt(17);
    const wrong = valid.slice(0, 17) + (last === '1' ? '2' : '1');
    expect(code(valid)).toBe('ok');
    expect(code(wrong)).toBe('INVALID_ID_NUMBER');
    expect(code('110105194912310021')).toBe('INVALID_ID_NUMBER');
  });

  it.each([
    ['too short', '1101051949123100X'],
    ['too long', '11010519491231002X1'],
    ['15-digit old format', '110105491231002'],
    ['letter inside', '1101051949A231002X'],
    ['X not last', '1101051949123100X2'],
    ['empty', ''],
  ])('rejects %s', (_label, s) => expect(code(s)).toBe('INVALID_ID_NUMBER'));

  it.each([
    ['30 Feb', '35058219990230001'],
    ['29 Feb in a common year', '35058220230229001'],
    ['month 13', '35058219991301001'],
    ['day 00', '35058219990100001'],
    ['before 1900', '35058218991231001'],
    ['province 99', '99058219990101001'],
    ['province 00', '00058219990101001'],
  ])('rejects %s even with a correct check char', (_label, first17) =>
    expect(code(withCheck(first17))).toBe('INVALID_ID_NUMBER'),
  );

  it('rejects birth dates after today, judged in China time', () => {
    const future = withCheck('35058220300101001');
    expect(code(future)).toBe('INVALID_ID_NUMBER');
    expect(code(future, new Date('2031-01-01T00:00:00Z'))).toBe('ok');
    // 2025-06-01T17:00Z is already 2 June in China.
    const bornJune2 = withCheck('35058220250602001');
    expect(code(bornJune2, new Date('2025-06-01T15:00:00Z'))).toBe('INVALID_ID_NUMBER');
    expect(code(bornJune2, new Date('2025-06-01T17:00:00Z'))).toBe('ok');
  });

  it('has a boolean form', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310020')).toBe(false);
  });
});

describe('masking', () => {
  it('masks ID numbers', () => {
    expect(maskIdNumber('35058219900101123X')).toBe('3505**********123X');
    expect(maskIdNumber('abcdefghijklmnopqr')).toBe('abcd**********opqr');
    expect(maskIdNumber('12345')).toBe('***45');
    expect(maskIdNumber('12')).toBe('**');
    expect(maskIdNumber('')).toBe('');
  });

  it('masks phone numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(' 13812345678 ')).toBe('138****5678');
    expect(maskPhone('059522345678')).toBe('059*****5678');
    expect(maskPhone('12345')).toBe('***45');
  });
});

describe('isMobilePhone', () => {
  it.each(['13812345678', '19912345678', '15000000000'])('accepts %s', (s) =>
    expect(isMobilePhone(s)).toBe(true),
  );
  it.each(['12812345678', '1381234567', '138123456789', '+8613812345678', '138-1234-5678', '23812345678'])(
    'rejects %s',
    (s) => expect(isMobilePhone(s)).toBe(false),
  );
});

describe('ageOn', () => {
  it('counts whole years', () => {
    expect(ageOn('2005-03-15', '2025-03-14')).toBe(19);
    expect(ageOn('2005-03-15', '2025-03-15')).toBe(20);
    expect(ageOn('2005-03-15', '2025-12-31')).toBe(20);
  });

  it('ages 29 Feb birthdays on 1 Mar in common years', () => {
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
  });

  it('reads a Date in China time', () => {
    expect(chinaDate(new Date('2025-03-14T16:30:00Z'))).toBe('2025-03-15');
    expect(ageOn('2005-03-15', new Date('2025-03-14T16:30:00Z'))).toBe(20);
  });

  it('throws on malformed dates', () => {
    expect(() => ageOn('2005-02-30', '2025-01-01')).toThrow(RangeError);
    expect(() => ageOn('2005-03-15', '20250101')).toThrow(RangeError);
  });
});

describe('isContactPhone', () => {
  it.each([
    '0595-22274285',
    '059522274285',
    '0595-22274285-801',
    '13905951234',
    '400-123-4567',
    '010-12345678',
  ])('accepts %s', (s) => expect(isContactPhone(s)).toBe(true));
  it.each(['22274285', '0595-222', '1390595123', '+86 13905951234', 'tel'])('refuses %s', (s) =>
    expect(isContactPhone(s)).toBe(false),
  );
});
