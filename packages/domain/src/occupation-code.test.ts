import { describe, it, expect } from 'vitest';
import {
  OCCUPATION_MAJOR_GROUPS,
  isCodePrefix,
  isOccupationCode,
  majorGroupName,
  normalizeOccupationCodeInput,
  parseOccupationCode,
} from './occupation-code.js';

describe('parseOccupationCode', () => {
  it('splits a unit-group code into its hierarchy', () => {
    const r = parseOccupationCode('6-31-01-03');
    expect(r).toEqual({
      ok: true,
      value: {
        code: '6-31-01-03',
        majorGroup: '6',
        mediumGroup: '6-31',
        minorGroup: '6-31-01',
        unitGroup: '6-31-01-03',
      },
    });
  });

  it('keeps a 工种 suffix', () => {
    const r = parseOccupationCode('4-03-02-01-02');
    expect(r.ok && r.value.workType).toBe('4-03-02-01-02');
    expect(r.ok && r.value.unitGroup).toBe('4-03-02-01');
    expect(r.ok && r.value.code).toBe('4-03-02-01-02');
  });

  it('normalises whitespace, full-width digits and dash variants', () => {
    expect(normalizeOccupationCodeInput(' ６－３１－０１－０３ ')).toBe('6-31-01-03');
    const r = parseOccupationCode('\t4–10–01–05\n');
    expect(r.ok && r.value.code).toBe('4-10-01-05');
  });

  it.each(['6-18-01-01', '6-18-02-04', '4-04-05-05', '1-01-00-00', '8-00-00-00', '2-02-10-03-01'])(
    'accepts %s',
    (s) => expect(isOccupationCode(s)).toBe(true),
  );

  it.each([
    '',
    '9-01-01-01',
    '0-01-01-01',
    'A-31-01-03',
    '6-3A-01-03',
    '6-31-01',
    '6-31-1-03',
    '6-031-01-03',
    '63101103',
    '6-31-01-03-',
    '6-31-01-03-1',
    '6-31-01-03-01-01',
    '6 -31-01-03',
    '6_31_01_03',
  ])('rejects %j', (s) => {
    const r = parseOccupationCode(s);
    expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_OCCUPATION_CODE');
  });
});

describe('major groups', () => {
  it('has the 8 groups of 大典 2022', () => {
    expect(OCCUPATION_MAJOR_GROUPS.map((g) => g.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(majorGroupName('6-31-01-03')).toBe('生产制造及有关人员');
    expect(majorGroupName(4)).toBe('社会生产服务和生活服务人员');
    expect(majorGroupName('5')).toBe('农、林、牧、渔业生产及辅助人员');
  });

  it.each(['9-01-01-01', '0', '', 'x'])('has no name for %j', (s) =>
    expect(majorGroupName(s)).toBeUndefined(),
  );
});

describe('isCodePrefix', () => {
  it.each(['6', '6-', '6-3', '6-31', '6-31-', '6-31-0', '6-31-01-03', '6-31-01-03-0', '6-31-01-03-01'])(
    'accepts %j',
    (s) => expect(isCodePrefix(s)).toBe(true),
  );
  it.each(['', '9', '0-31', '63', '6--', '6-3-', '6-31-01-03-011', 'a', '6-31 '])('rejects %j', (s) =>
    expect(isCodePrefix(s)).toBe(false),
  );
});
