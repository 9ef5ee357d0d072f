import { useSyncExternalStore } from 'react';
import { session, type SessionSnapshot } from './session.js';

/** The page's session (status and signed-in account), re-rendering on sign-in, refresh and sign-out. */
export function useSession(): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
}

/** Whether the signed-in account holds any of these roles. */
export function hasAnyRole(snapshot: SessionSnapshot, roles: readonly string[]): boolean {
  return snapshot.account?.roles.some((r) => roles.includes(r.role)) ?? false;
}
