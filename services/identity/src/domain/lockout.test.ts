import { describe, expect, it } from 'vitest';
import { afterFailure, afterSuccess, isLocked, minutesLeft } from './lockout.js';

const t0 = new Date('2026-11-27T08:00:00Z');
const at = (min: number) => new Date(t0.getTime() + min * 60_000);

describe('lockout', () => {
  it('locks after the maximum number of consecutive failures, for the configured minutes', () => {
    let s = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 0; i < 4; i++) s = afterFailure(s, t0, 5, 15);
    expect(isLocked(s, t0)).toBe(false);
    s = afterFailure(s, t0, 5, 15);
    expect(isLocked(s, t0)).toBe(true);
    expect(minutesLeft(s, at(1))).toBe(14);
    expect(isLocked(s, at(15))).toBe(false);
  });
  it('starts counting again after a lock runs out, and resets on success', () => {
    const locked = { failedLogins: 5, lockedUntil: at(15) };
    expect(afterFailure(locked, at(16), 5, 15)).toEqual({ failedLogins: 1, lockedUntil: null });
    expect(afterSuccess()).toEqual({ failedLogins: 0, lockedUntil: null });
  });
});
