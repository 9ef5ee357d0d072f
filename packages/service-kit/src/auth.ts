// Who is calling. Today a principal comes from an operator token (for catalogue administration before the
// identity subgraph exists); the identity issue replaces `principalFromHeaders` with verification of the
// gateway-signed claims header. Resolvers only ever see `Principal`, so that swap touches this file alone.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Role names, shared by every subgraph's scope rules. */
export const Roles = {
  /** 省级目录管理员 — maintains the occupation catalogue. */
  PROVINCE_CATALOGUE_ADMIN: 'PROVINCE_CATALOGUE_ADMIN',
} as const;
export type Role = (typeof Roles)[keyof typeof Roles];

export interface Principal {
  kind: 'anonymous' | 'operator' | 'user' | 'service';
  /** stable id for audit logs */
  id: string | null;
  roles: readonly string[];
  /** GB/T 2260 region the roles apply to */
  regionCode?: string;
  /** credit code of the organisation the roles apply to */
  orgCode?: string;
}

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous', id: null, roles: [] });

export interface AuthOptions {
  /** Operator token (OPERATOR_TOKEN); a bearer token equal to it acts as province catalogue admin. */
  operatorToken?: string | undefined;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function principalFromHeaders(headers: IncomingHttpHeaders, opts: AuthOptions): Principal {
  const auth = headers.authorization;
  if (!auth?.startsWith('Bearer ')) return ANONYMOUS;
  const token = auth.slice('Bearer '.length).trim();
  if (opts.operatorToken && sameSecret(token, opts.operatorToken)) {
    return { kind: 'operator', id: 'operator', roles: [Roles.PROVINCE_CATALOGUE_ADMIN], regionCode: '350000' };
  }
  return ANONYMOUS;
}

/** The scope-auth scopes every subgraph declares. `hasRole` takes the role name as its parameter. */
export interface AuthScopes {
  public: boolean;
  authenticated: boolean;
  hasRole: string;
}

export function authScopesFor(principal: Principal) {
  return {
    public: true,
    authenticated: principal.kind !== 'anonymous',
    hasRole: (role: string) => principal.roles.includes(role),
  };
}
