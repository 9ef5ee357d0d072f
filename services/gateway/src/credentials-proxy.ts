// The certificates' public documents for verifiers — /credentials/jwks.json and /credentials/status/<list>
// (ADR 0017) — answered on the gateway's public host by passing the GET to the certificates subgraph, which stays
// reachable from the gateway only (its NetworkPolicy). No claims: these documents are public and say nothing about
// anyone; the subgraph answers them before GraphQL. Caching headers and ETags pass through both ways.
import type { IncomingMessage, ServerResponse } from 'node:http';

const PASSED_BACK = ['content-type', 'cache-control', 'etag', 'access-control-allow-origin'];

export function credentialsProxy(certificatesGraphqlUrl: string | undefined, timeoutMs = 5_000) {
  const base = certificatesGraphqlUrl?.replace(/\/graphql$/, '');
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (!base || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (!url.pathname.startsWith('/credentials/') || url.pathname.includes('..')) return false;
    try {
      const answer = await fetch(`${base}${url.pathname}`, {
        method: req.method,
        headers:
          typeof req.headers['if-none-match'] === 'string'
            ? { 'if-none-match': req.headers['if-none-match'] }
            : {},
        signal: AbortSignal.timeout(timeoutMs),
      });
      res.statusCode = answer.status;
      for (const h of PASSED_BACK) {
        const v = answer.headers.get(h);
        if (v) res.setHeader(h, v);
      }
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch {
      res.statusCode = 503;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.setHeader('retry-after', '5');
      res.end('证书管理服务暂时不可用，请稍后重试');
    }
    return true;
  };
}
