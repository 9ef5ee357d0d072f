import { describe, expect, it } from 'vitest';
import { classifySearch, searchWhere } from './search.js';

describe('classifySearch', () => {
  it('reads digits and dashes as an occupation code prefix', () => {
    expect(classifySearch('6-31')).toEqual({ kind: 'codePrefix', value: '6-31' });
    expect(classifySearch(' 6-31-01-03 ')).toEqual({ kind: 'codePrefix', value: '6-31-01-03' });
  });
  it('reads latin letters as pinyin, lower-cased', () => {
    expect(classifySearch('DG')).toEqual({ kind: 'pinyin', value: 'dg' });
    expect(classifySearch('diangong')).toEqual({ kind: 'pinyin', value: 'diangong' });
  });
  it('reads anything else as part of the Chinese name', () => {
    expect(classifySearch('电工')).toEqual({ kind: 'name', value: '电工' });
    expect(classifySearch('3D打印')).toEqual({ kind: 'name', value: '3D打印' });
  });
  it('treats blank input as no search', () => {
    expect(classifySearch('  ')).toBeNull();
    expect(classifySearch(undefined)).toBeNull();
    expect(searchWhere(null)).toEqual({});
  });
  it('builds the matching where clause', () => {
    expect(searchWhere({ kind: 'codePrefix', value: '6-31' })).toEqual({ code: { startsWith: '6-31' } });
    expect(searchWhere({ kind: 'name', value: '电工' })).toEqual({ name: { contains: '电工' } });
    expect(searchWhere({ kind: 'pinyin', value: 'dg' })).toEqual({
      OR: [{ pinyinInitials: { contains: 'dg' } }, { pinyin: { contains: 'dg' } }],
    });
  });
});
