import { describe, expect, it } from 'vitest';
import { isScopeCode, readAgencySearch, writeAgencySearch } from './agency-search';

describe('agency search params', () => {
  it('round-trips through the URL', () => {
    const p = writeAgencySearch({ q: ' 海洋 ', region: '350581', occupation: '电工' });
    expect(p.toString()).toBe('q=%E6%B5%B7%E6%B4%8B&region=350581&occupation=%E7%94%B5%E5%B7%A5');
    expect(readAgencySearch(p).search).toEqual({ q: '海洋', region: '350581', occupation: '电工' });
  });
  it('tells codes from names', () => {
    expect(isScopeCode('6-31-01-03')).toBe(true);
    expect(isScopeCode('FJZX-0001')).toBe(true);
    expect(isScopeCode('电工')).toBe(false);
  });
});
