import { describe, expect, it } from 'vitest';
import { isDemoCreditCode } from './credit-code.js';
import { QUANZHOU_COLLEGES } from './quanzhou.js';
import { isWithinRegion } from './region.js';

describe('Quanzhou demo colleges', () => {
  it('have valid demo credit codes, unique, inside Quanzhou', () => {
    expect(QUANZHOU_COLLEGES.length).toBeGreaterThanOrEqual(16);
    expect(new Set(QUANZHOU_COLLEGES.map((c) => c.creditCode)).size).toBe(QUANZHOU_COLLEGES.length);
    for (const c of QUANZHOU_COLLEGES) {
      expect(isDemoCreditCode(c.creditCode)).toBe(true);
      expect(isWithinRegion(c.regionCode, '350500')).toBe(true);
      expect(c.creditCode.slice(2, 8)).toBe(c.regionCode);
    }
  });
});
