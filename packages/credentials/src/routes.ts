// The two public documents a verifier fetches, as a route handler for service-kit's `routes` option (answered before
// GraphQL, no claims needed): the issuers' JWKS and each status list credential. Both are public by design; neither
// says anything about a holder. Short cache lifetimes: a new key or a revocation shows within `maxAge` seconds.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Jwks } from './keys.js';

export const JWKS_MEDIA_TYPE = 'application/jwk-set+json';
export const VC_JWT_MEDIA_TYPE = 'application/vc+jwt';

export interface CredentialRoutesOptions {
  /** path prefix, default /credentials: serves `${prefix}/jwks.json` and `${prefix}/status/<listId>` */
  prefix?: string;
  jwks: () => Promise<Jwks>;
  /** the signed status list credential (vc+jwt) of that list, or null when there is none */
  statusList: (listId: string) => Promise<string | null>;
  /** Cache-Control max-age in seconds (default 60) */
  maxAge?: number;
}

/** The URL path of a status list: what credentialStatus.statusListCredential ends with. */
export function statusListPath(listId: string, prefix = '/credentials'): string {
  return `${prefix}/status/${encodeURIComponent(listId)}`;
}

export function credentialRoutes(opts: CredentialRoutesOptions) {
  const prefix = opts.prefix ?? '/credentials';
  const maxAge = opts.maxAge ?? 60;
  const send = (req: IncomingMessage, res: ServerResponse, type: string, body: string) => {
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    res.setHeader('cache-control', `public, max-age=${maxAge}`);
    res.setHeader('etag', etag);
    res.setHeader('access-control-allow-origin', '*');
    if (req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.statusCode = 200;
    res.setHeader('content-type', type);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === `${prefix}/jwks.json`) {
      send(req, res, JWKS_MEDIA_TYPE, JSON.stringify(await opts.jwks()));
      return true;
    }
    if (path.startsWith(`${prefix}/status/`)) {
      const listId = decodeURIComponent(path.slice(`${prefix}/status/`.length));
      const jws = listId ? await opts.statusList(listId) : null;
      if (jws === null) {
        res.statusCode = 404;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end('状态列表不存在');
        return true;
      }
      send(req, res, VC_JWT_MEDIA_TYPE, jws);
      return true;
    }
    return false;
  };
}
