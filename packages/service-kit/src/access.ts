// One declaration per root field gives both the enforcement (Pothos scope-auth, in the subgraph) and a
// statement of the rule in the SDL — a federation @tag ("access:public", "access:authenticated",
// "access:roles:A|B") that composes into the supergraph — so the authorization-matrix test can find every
// operation's declared rule and check that the running subgraphs enforce it.
// (Federation's @requiresScopes/@authenticated/@policy are SECURITY features @apollo/gateway refuses to load.)
import type { Role } from '@skills/domain';

export const ACCESS_TAG_PREFIX = 'access:';

export const access = {
  /** Anyone, signed in or not (the public, employers verifying a certificate). */
  public: () => ({ authScopes: { public: true }, tag: `${ACCESS_TAG_PREFIX}public` }),
  authenticated: () => ({ authScopes: { authenticated: true }, tag: `${ACCESS_TAG_PREFIX}authenticated` }),
  /** Any one of these roles (row-level scope — region, organisation — is checked in the resolver). */
  roles: (...roles: Role[]) => ({
    authScopes: { anyRole: roles },
    tag: `${ACCESS_TAG_PREFIX}roles:${roles.join('|')}`,
  }),
  /** Only the platform's own services with these ids (e.g. assessment reporting a violation to agencies). */
  services: (...ids: string[]) => ({
    authScopes: { service: ids },
    tag: `${ACCESS_TAG_PREFIX}services:${ids.join('|')}`,
  }),
};

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'roles'; roles: string[] }
  | { kind: 'services'; services: string[] };

/** Reads an access tag back (for tests and tooling); null if the tag is not an access rule. */
export function parseAccessTag(tag: string): AccessRule | null {
  if (!tag.startsWith(ACCESS_TAG_PREFIX)) return null;
  const rule = tag.slice(ACCESS_TAG_PREFIX.length);
  if (rule === 'public' || rule === 'authenticated') return { kind: rule };
  if (rule.startsWith('roles:'))
    return { kind: 'roles', roles: rule.slice('roles:'.length).split('|').filter(Boolean) };
  if (rule.startsWith('services:'))
    return { kind: 'services', services: rule.slice('services:'.length).split('|').filter(Boolean) };
  return null;
}

export const AUTH_DIRECTIVES = ['@tag'] as const;
