// Which portals an account sees (门户可见性). The navigation shows a portal only to the roles it serves; the
// gateway and the subgraphs still enforce every rule (ADR 0005) — this only keeps the menu honest.

const BUREAU = /^(PROVINCE_|CITY_|COUNTY_)/;
const COLLEGE_SIDE = ['COLLEGE_ADMIN', 'AGENCY_STAFF', 'ASSESSOR'];

/** Who may open a portal, by its module-federation name; a portal not listed here is open to everyone. */
const RULES: Record<string, (role: string) => boolean> = {
  portal_public: () => true,
  portal_bureau: (role) => BUREAU.test(role) || role === 'SUPERVISOR',
  portal_institution: (role) => COLLEGE_SIDE.includes(role),
  portal_candidate: (role) => role === 'CANDIDATE',
};

/** Portals everyone sees, signed in or not. */
export function isPublicPortal(remoteName: string): boolean {
  return remoteName === 'portal_public' || !(remoteName in RULES);
}

export function portalAllowed(remoteName: string, roles: readonly string[]): boolean {
  const rule = RULES[remoteName];
  if (!rule || isPublicPortal(remoteName)) return true;
  return roles.some(rule);
}
