// Who is calling. The gateway verifies the caller (a user's JWT or a partner's API key) and forwards the
// result to subgraphs as signed claims (x-skills-claims: a JWS, HS256 with CLAIMS_SECRET, valid 60 s);
// anonymous callers get signed anonymous claims. A subgraph serves nothing without valid claims (docs/adr/0005),
// so reaching it directly — around the gateway's limits and registered operations — gets a 401, not public data.
// Resolvers see a Principal; scope rules are declared with Pothos scope-auth.
import { canActOn, type Grant, type Role, type ScopeTarget } from '@skills/domain';
import { jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import type { IncomingHttpHeaders } from 'node:http';

export const CLAIMS_HEADER = 'x-skills-claims';
const AUDIENCE = 'skills-subgraphs';
const ISSUER = 'skills-gateway';

export interface Principal {
  kind: 'anonymous' | 'user' | 'partner' | 'service';
  /** account id (users), API key id (partners), service name (services); null when anonymous */
  id: string | null;
  name?: string;
  grants: readonly Grant[];
  /** users: the sign-in session the access token belongs to (ended by logout); not forwarded to subgraphs */
  session?: string;
}

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous', id: null, grants: [] });

const encoder = new TextEncoder();
const keyOf = (secret: string) => encoder.encode(secret);

/** Signs a principal for subgraphs (the gateway does this per request). */
export async function signClaims(principal: Principal, secret: string, ttlSeconds = 60): Promise<string> {
  return new SignJWT({ kind: principal.kind, name: principal.name, grants: principal.grants })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.id ?? '')
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(keyOf(secret));
}

export interface AuthOptions {
  /** CLAIMS_SECRET shared by the gateway and the subgraphs. */
  claimsSecret: string;
}

/**
 * Verifies the forwarded claims: the principal they carry (ANONYMOUS for the gateway's anonymous claims), or
 * null when they are missing, forged, expired or malformed — the request did not come through the gateway.
 */
export async function principalFromHeaders(
  headers: IncomingHttpHeaders,
  opts: AuthOptions,
): Promise<Principal | null> {
  const token = headers[CLAIMS_HEADER];
  if (typeof token !== 'string' || !opts.claimsSecret) return null;
  const known = verified.get(token);
  if (known && known.secret === opts.claimsSecret) return known.principal;
  try {
    const { payload } = await jwtVerify(token, keyOf(opts.claimsSecret), {
      audience: AUDIENCE,
      issuer: ISSUER,
      algorithms: ['HS256'],
    });
    const principal = principalOf(payload);
    // remembered until the claims' own expiry (lru-cache drops the entry then; get() never returns it after)
    const ttl = typeof payload.exp === 'number' ? payload.exp * 1000 - Date.now() : 0;
    if (principal && ttl > 0) verified.set(token, { secret: opts.claimsSecret, principal }, { ttl });
    return principal;
  } catch {
    return null;
  }
}

/**
 * Claims cannot change: once their signature checks out, the answer holds until they expire. The gateway reuses a
 * caller's signed claims for 30 s, so verifying each token once, not on every request, saves the HMAC and the
 * JSON work of every request after the first (ADR 0018). Bounded; keyed by the token, checked against the secret
 * it was verified with (tests run subgraphs with different secrets in one process). Only valid claims are kept.
 */
const verified = new LRUCache<string, { secret: string; principal: Principal }>({ max: 10_000 });

function principalOf(payload: Record<string, unknown>): Principal | null {
  const kind = payload.kind;
  if (kind === 'anonymous') return ANONYMOUS;
  if (kind !== 'user' && kind !== 'partner' && kind !== 'service') return null;
  const grants = Array.isArray(payload.grants) ? (payload.grants as Grant[]) : [];
  // frozen: one principal now serves every request carrying the same claims
  return Object.freeze({
    kind,
    id: (payload.sub as string | undefined) || null,
    ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
    grants: Object.freeze(grants.map((g) => Object.freeze(g))),
  });
}

/** The scope-auth scopes every subgraph declares. `hasRole` takes a role; `anyRole` a list of roles. */
export interface AuthScopes {
  public: boolean;
  authenticated: boolean;
  hasRole: Role;
  anyRole: readonly Role[];
  /** the platform's own services with these ids (their signed service claims) */
  service: readonly string[];
}

export function authScopesFor(principal: Principal) {
  return {
    public: true,
    authenticated: principal.kind !== 'anonymous',
    hasRole: (role: Role) => principal.grants.some((g) => g.role === role),
    anyRole: (roles: readonly Role[]) => principal.grants.some((g) => roles.includes(g.role)),
    service: (ids: readonly string[]) =>
      principal.kind === 'service' && !!principal.id && ids.includes(principal.id),
  };
}

/** Resource-level check inside resolvers: may this principal act, in one of these roles, on this target? */
export function principalCan(principal: Principal, roles: readonly Role[], target: ScopeTarget): boolean {
  return canActOn(principal.grants, roles, target);
}
