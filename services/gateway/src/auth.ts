// Caller verification at the edge. A bearer JWT must be signed by identity (ES256, key from its JWKS), for this
// platform, and unexpired; a bad one is refused with 401 and a Chinese message rather than silently treated as
// anonymous, so a portal knows to refresh or sign in again. No token means anonymous.
import { ANONYMOUS, type Principal } from '@skills/service-kit';
import type { Grant } from '@skills/domain';
import { GraphQLError } from 'graphql';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import type { IncomingHttpHeaders } from 'node:http';

export const TOKEN_ISSUER = 'skills-identity';
export const TOKEN_AUDIENCE = 'skills-platform';

function refuse(code: 'TOKEN_EXPIRED' | 'INVALID_TOKEN', message: string) {
  return new GraphQLError(message, { extensions: { code, http: { status: 401 } } });
}

export type Authenticate = (headers: IncomingHttpHeaders) => Promise<Principal>;

/**
 * @param ended tells whether a sign-in session has ended (logout): its tokens are refused although their
 *   signature and expiry are fine (src/revocations.ts)
 */
export function createAuthenticator(
  keys: JWTVerifyGetKey | URL,
  ended: (session: string) => boolean = () => false,
): Authenticate {
  const getKey =
    keys instanceof URL ? createRemoteJWKSet(keys, { cooldownDuration: 30_000, cacheMaxAge: 600_000 }) : keys;
  // A token cannot change: once its ES256 signature checks out, the answer holds until it expires. Verifying
  // each token once, not on every request, is most of what an authenticated request costs here (ADR 0008).
  const verified = new LRUCache<string, Principal>({ max: 10_000, ttlAutopurge: false });
  const live = (p: Principal) => {
    if (p.session && ended(p.session)) throw refuse('INVALID_TOKEN', '您已退出登录，请重新登录');
    return p;
  };
  return async (headers) => {
    const auth = headers.authorization;
    if (!auth) return ANONYMOUS;
    const [scheme, token] = auth.split(' ');
    if (scheme !== 'Bearer' || !token)
      throw refuse('INVALID_TOKEN', '登录凭证格式不正确（应为 Bearer 令牌）');
    const known = verified.get(token);
    if (known) return live(known);
    try {
      const { payload } = await jwtVerify(token, getKey, {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        algorithms: ['ES256'],
      });
      const principal: Principal = {
        kind: 'user',
        id: payload.sub ?? null,
        ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
        grants: Array.isArray(payload.grants) ? (payload.grants as Grant[]) : [],
        ...(typeof payload.sid === 'string' ? { session: payload.sid } : {}),
      };
      // remembered until the token's own expiry (lru-cache drops it then, and get() never returns it after)
      const ttl = typeof payload.exp === 'number' ? payload.exp * 1000 - Date.now() : 0;
      if (ttl > 0) verified.set(token, principal, { ttl });
      return live(principal);
    } catch (e) {
      if (e instanceof GraphQLError) throw e;
      if (e instanceof errors.JWTExpired) throw refuse('TOKEN_EXPIRED', '登录已过期，请重新登录');
      throw refuse('INVALID_TOKEN', '登录凭证无效，请重新登录');
    }
  };
}
