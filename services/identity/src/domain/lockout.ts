/** 登录失败锁定: after `max` consecutive failures an account is locked for `minutes`. Pure, for unit tests. */
export interface LockState {
  failedLogins: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockState, now: Date): boolean {
  return !!state.lockedUntil && state.lockedUntil > now;
}

export function minutesLeft(state: LockState, now: Date): number {
  return state.lockedUntil
    ? Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000))
    : 0;
}

/** The state after a failed attempt. A lock that has run out starts a fresh count. */
export function afterFailure(state: LockState, now: Date, max: number, minutes: number): LockState {
  const expired = !!state.lockedUntil && state.lockedUntil <= now;
  const failedLogins = (expired ? 0 : state.failedLogins) + 1;
  return failedLogins >= max
    ? { failedLogins, lockedUntil: new Date(now.getTime() + minutes * 60_000) }
    : { failedLogins, lockedUntil: expired ? null : state.lockedUntil };
}

export const afterSuccess = (): LockState => ({ failedLogins: 0, lockedUntil: null });
