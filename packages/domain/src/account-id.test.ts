import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_IDS, demoAccountId, isAccountId } from './account-id.js';

describe('account ids', () => {
  it('tells a UUID from a system actor', () => {
    expect(isAccountId('c1de53f3-5d26-41a5-89d5-22e82d8f37c7')).toBe(true);
    expect(isAccountId('C1DE53F3-5D26-41A5-89D5-22E82D8F37C7')).toBe(true);
    for (const id of [
      'demo-seed',
      'system',
      '',
      null,
      undefined,
      'c1de53f3-5d26-41a5-89d5-22e82d8f37c',
      'bulk-1',
    ])
      expect(isAccountId(id)).toBe(false);
  });

  it('gives every demo account a fixed, unique UUID', () => {
    const ids = Object.values(DEMO_ACCOUNT_IDS);
    expect(ids.length).toBeGreaterThanOrEqual(15);
    expect(new Set(ids.map((i) => i.toLowerCase())).size).toBe(ids.length);
    for (const id of ids) expect(isAccountId(id)).toBe(true);
    expect(demoAccountId('quanzhou.hr')).toBe('c1de53f3-5d26-41a5-89d5-22e82d8f37c7');
  });

  it('refuses a username that is not a demo account', () => {
    expect(() => demoAccountId('nobody')).toThrow(RangeError);
    expect(() => demoAccountId('toString')).toThrow(RangeError);
  });
});
