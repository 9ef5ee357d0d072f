// The fetcher the gateway uses for subgraph calls: Node's fetch (undici: pooled keep-alive connections) with
// in-flight de-duplication — identical concurrent queries to the same subgraph for the same caller share one
// request. Mutations are never shared. Hive Gateway does the same by default (docs/adr/0008).
import type { Fetcher } from '@apollo/utils.fetcher';

interface Buffered {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

const header = (h: unknown, name: string): string => {
  if (!h) return '';
  if (typeof (h as Headers).get === 'function') return (h as Headers).get(name) ?? '';
  const v = (h as Record<string, string | string[]>)[name];
  return Array.isArray(v) ? v.join(',') : (v ?? '');
};

/**
 * True when the JSON body carries a query that may be shared: not a mutation or subscription, and not a read
 * of unmasked personal data (each such view must leave its own audit row).
 */
function isShareable(body: string): boolean {
  try {
    const q = (JSON.parse(body) as { query?: unknown }).query;
    return typeof q === 'string' && !/^\s*(mutation|subscription)\b/.test(q) && !/Unmasked\b/.test(q);
  } catch {
    return false;
  }
}

export function dedupingFetcher(claimsHeader: string): Fetcher {
  const inflight = new Map<string, Promise<Buffered>>();
  const f = async (url: string, init?: { method?: string; headers?: unknown; body?: unknown }) => {
    const body = typeof init?.body === 'string' ? init.body : null;
    if (init?.method !== 'POST' || body === null || !isShareable(body))
      return fetch(url, init as RequestInit);
    const key = `${url}\n${header(init.headers, claimsHeader)}\n${body}`;
    let shared = inflight.get(key);
    if (!shared) {
      shared = fetch(url, init as RequestInit)
        .then(async (r) => ({
          status: r.status,
          statusText: r.statusText,
          headers: [...r.headers],
          body: await r.text(),
        }))
        .finally(() => inflight.delete(key));
      inflight.set(key, shared);
    }
    const r = await shared;
    return new Response(r.body, { status: r.status, statusText: r.statusText, headers: r.headers });
  };
  return f as unknown as Fetcher;
}
