import { describe, expect, it } from 'vitest';
import { ImportInputError, readRecords, validateRows } from './import-rows.js';

const HEADER = 'code,name,category,skill_type,levels,standard,sources,verified,note';

describe('readRecords', () => {
  it('reads CSV with a BOM and loosely named columns', () => {
    const rows = readRecords('CSV', `\uFEFF${HEADER}\n6-31-01-03,电工,6,true,5|4|3|2|1,,DADIAN_2022,true,\n`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ code: '6-31-01-03', skilltype: 'true' });
  });
  it('reads JSON arrays and {rows: [...]}', () => {
    expect(readRecords('JSON', '[{"code":"a"}]')).toEqual([{ code: 'a' }]);
    expect(readRecords('JSON', '{"rows":[{"skillType":true}]}')).toEqual([{ skilltype: true }]);
  });
  it('rejects unparseable and empty files with a Chinese message', () => {
    expect(() => readRecords('JSON', '{oops')).toThrow(ImportInputError);
    expect(() => readRecords('JSON', '{"x":1}')).toThrow(/对象数组/);
    expect(() => readRecords('CSV', `${HEADER}\n`)).toThrow(/没有数据/);
    expect(() => readRecords('CSV', 'a,b\n1,2,3\n')).toThrow(/CSV/);
  });
});

describe('validateRows: occupations', () => {
  const csv = [
    HEADER,
    '6-31-01-03,电工,6,true,5|4|3|2|1,国家职业技能标准 电工（2018年版）,DADIAN_2022|FILABLE_LIST,true,',
    '6-31-01,半截编码,6,true,5,,DADIAN_2022,false,', // bad code
    '4-03-02-07,茶艺师,6,true,5|4,,DADIAN_2022,true,', // category does not match code
    '6-18-01-01,车工,6,true,5|9,,DADIAN_2022,true,', // bad level
    '6-18-02-04,,6,true,5,,UNKNOWN,maybe,', // empty name, unknown source, bad verified flag
    '6-31-01-03,电工重复,6,true,5,,DADIAN_2022,true,', // duplicate code
    '2-02-01-01,地质实验测试工程技术人员,2,false,,,,true,', // no source: falls back
  ].join('\n');
  const { rows, errors } = validateRows('OCCUPATIONS', readRecords('CSV', csv), 'DADIAN_2022');

  it('keeps the valid rows with normalised values', () => {
    expect(rows.map((r) => r.value.code)).toEqual(['6-31-01-03', '2-02-01-01']);
    expect(rows[0]!.value).toMatchObject({
      name: '电工',
      category: 6,
      skillType: true,
      levels: [5, 4, 3, 2, 1],
      sources: ['DADIAN_2022', 'FILABLE_LIST'],
      pinyinInitials: 'dg',
    });
    expect(rows[1]!.value.sources).toEqual(['DADIAN_2022']);
  });

  it('reports every bad row with its row number, field and a Chinese message', () => {
    const byRow = (n: number) => errors.filter((e) => e.row === n);
    expect(byRow(2)[0]).toMatchObject({ field: 'code', errorCode: 'INVALID_OCCUPATION_CODE' });
    expect(byRow(3)[0]).toMatchObject({ field: 'category' });
    expect(byRow(3)[0]!.message).toContain('不一致');
    expect(byRow(4)[0]).toMatchObject({ field: 'levels', errorCode: 'INVALID_SKILL_LEVEL' });
    expect(
      byRow(5)
        .map((e) => e.field)
        .sort(),
    ).toEqual(['name', 'sources', 'verified']);
    expect(byRow(6)[0]).toMatchObject({ field: 'code', errorCode: 'CONFLICT' });
    expect(byRow(6)[0]!.message).toContain('第 1 行');
    expect(errors.every((e) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
  });
});

describe('validateRows: majors and special abilities', () => {
  it('requires six-digit major codes, a known education level and mapped occupations', () => {
    const csv = [
      'code,name,education_level,occupations,verified,note',
      '460306,电气自动化技术,HIGHER,6-31-01-03|6-31-01-03,true,',
      '46030,短代码,HIGHER,6-31-01-03,true,',
      '460307,无对接,MASTER,,true,',
    ].join('\n');
    const { rows, errors } = validateRows('MAJORS', readRecords('CSV', csv), null);
    expect(rows.map((r) => r.value)).toEqual([
      expect.objectContaining({ code: '460306', occupationCodes: ['6-31-01-03'] }),
    ]);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'code'],
      [3, 'education_level'],
    ]);
  });
  it('checks special-ability region codes against GB/T 2260', () => {
    const csv = [
      'code,name,industry,region,description,sources,verified,note',
      'FJZX-0001,德化陶瓷手工成型,陶瓷,350526,,,false,',
      'FJZX-0002,石雕制作,石材,999999,,,false,',
    ].join('\n');
    const { rows, errors } = validateRows('SPECIAL_ABILITIES', readRecords('CSV', csv), 'FUJIAN_SPECIAL');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value).toMatchObject({ regionCode: '350526', sources: ['FUJIAN_SPECIAL'] });
    expect(errors).toEqual([expect.objectContaining({ row: 2, field: 'region' })]);
  });
});
