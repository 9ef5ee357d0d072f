import { describe, expect, it } from 'vitest';
import { regionLabel } from './region-label';

describe('regionLabel', () => {
  it('names a county with its city', () => {
    expect(regionLabel('350526')).toBe('泉州市德化县');
  });

  it('names a city on its own', () => {
    expect(regionLabel('350500')).toBe('泉州市');
  });

  it('falls back to the code, or 全省 when there is none', () => {
    expect(regionLabel('999999')).toBe('999999');
    expect(regionLabel(null)).toBe('全省');
  });
});
