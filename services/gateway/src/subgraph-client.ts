// How the gateway talks to subgraphs (docs/adr/0008): undici's request API on a keep-alive pool — not fetch,
// whose WHATWG streams and Request/Response objects cost more than the query itself on small answers — with
// in-flight de-duplication: identical concurrent queries to the same subgraph for the same caller share one
// request. Mutations and reads of unmasked personal data are never shared. Hive Gateway de-duplicates too.
import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import { Histogram, metricsRegistry } from '@skills/service-kit';
import { Agent, request as send } from 'undici';

/** A subgraph's answer, read to the end: shared between de-duplicated callers, each parses its own copy. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * True when the JSON body carries a query that may be shared: not a mutation or subscription, and not a read
 * of unmasked personal data (each such view must leave its own audit row). Read from the JSON text, without
 * parsing it: an odd variable can only make a query look unshareable, never a mutation look shareable.
 */
export function isShareable(body: string): boolean {
  return !/"query":"(?:\\[nrt]|\s)*(?:mutation|subscription)\b/.test(body) && !/Unmasked\b/.test(body);
}

export interface SubgraphClient {
  post(url: string, headers: Record<string, string>, body: string, shareable: boolean): Promise<RawAnswer>;
  close(): Promise<void>;
}

export function createSubgraphClient(claimsHeader: string): SubgraphClient {
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 256 });
  const inflight = new Map<string, Promise<RawAnswer>>();
  const once = async (url: string, headers: Record<string, string>, body: string): Promise<RawAnswer> => {
    const r = await send(url, { method: 'POST', headers, body, dispatcher: agent });
    return { status: r.statusCode, headers: r.headers, body: await r.body.text() };
  };
  return {
    post(url, headers, body, shareable) {
      if (!shareable) return once(url, headers, body);
      const key = `${url}\n${headers[claimsHeader] ?? ''}\n${body}`;
      let shared = inflight.get(key);
      if (!shared) {
        shared = once(url, headers, body).finally(() => inflight.delete(key));
        inflight.set(key, shared);
      }
      return shared;
    },
    close: () => agent.close(),
  };
}

const headerOf = (h: RawAnswer['headers'], name: string): string | null => {
  const v = h[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : (v ?? null);
};

/** A fetch-like view of an answer: what RemoteGraphQLDataSource reads of a response. */
function asFetcherResponse(url: string, a: RawAnswer) {
  return {
    url,
    ok: a.status >= 200 && a.status < 300,
    status: a.status,
    statusText: '',
    redirected: false,
    headers: {
      get: (n: string) => headerOf(a.headers, n),
      has: (n: string) => headerOf(a.headers, n) !== null,
    },
    text: async () => a.body,
    json: async () => JSON.parse(a.body) as unknown,
  };
}

/**
 * The client as an Apollo `Fetcher`: RemoteGraphQLDataSource keeps everything else (willSendRequest, error
 * mapping, cache-control hints); it only reads status, headers and the body of what this returns.
 */
export function subgraphFetcher(client: SubgraphClient): Fetcher {
  const f = async (url: string, init?: FetcherRequestInit) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    const headers = (init?.headers ?? {}) as Record<string, string>;
    return asFetcherResponse(url, await client.post(url, headers, body, isShareable(body)));
  };
  return f as unknown as Fetcher;
}

const subgraphFetchSeconds = new Histogram({
  name: 'gateway_subgraph_fetch_duration_seconds',
  help: 'Time from sending a query to a subgraph to having its whole answer, by subgraph and status',
  labelNames: ['subgraph', 'status'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

/** The fetcher, timed per subgraph on /metrics (a failed connection counts with status "error"). */
export function timedFetcher(subgraph: string, fetcher: Fetcher): Fetcher {
  const f = async (url: string, init?: FetcherRequestInit) => {
    const end = subgraphFetchSeconds.startTimer({ subgraph });
    try {
      const r = await fetcher(url, init);
      end({ status: String(r.status) });
      return r;
    } catch (e) {
      end({ status: 'error' });
      throw e;
    }
  };
  return f as unknown as Fetcher;
}
