import { describe, expect, it } from 'vitest';
import { regionLabel } from './bureau-account';

describe('regionLabel', () => {
  it('names a county by itself within a city, with its city for a provincial account — never a bare code', () => {
    expect(regionLabel({ regionCode: '350500' }, '350583')).toBe('南安市');
    expect(regionLabel({ regionCode: '350582' }, '350582')).toBe('晋江市');
    expect(regionLabel({ regionCode: '350000' }, '350583')).toBe('泉州市南安市');
    expect(regionLabel({ regionCode: '350000' }, '350128')).toBe('平潭综合实验区');
    expect(regionLabel({ regionCode: '350000' }, '350500')).toBe('泉州市');
  });
});
