// Per-client limits shared by every replica of a service: with REDIS_URL one counter per client and window lives in
// Redis (one atomic INCR+PEXPIRE script per request, so N replicas together allow `limit`, not N × `limit`);
// without it, in this process's memory (one replica: npm start, tests). Fixed windows: simple and O(1); a client
// can spend at most 2 × limit across a window boundary, which is enough for throttling guessing and floods.
// When Redis does not answer, each replica falls back to its own memory counters (still limited, per replica)
// and says so once — a limiter outage must not take the service down with it.
import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from './logger.js';

export interface RateDecision {
  allowed: boolean;
  /** requests left in this window after this one (0 when refused) */
  remaining: number;
  /** when the client may try again; 0 when allowed */
  retryAfterMs: number;
}

export interface RateLimiter {
  /** counts one request of `key` (a client address, an account…) and says whether it may proceed */
  take(key: string): Promise<RateDecision>;
  /** whether `key` is over its limit now, without counting a request (e.g. only failures are counted) */
  blocked(key: string): Promise<RateDecision>;
  close(): Promise<void>;
}

export interface RateLimiterOptions {
  /** names the counters (Redis key prefix), e.g. 'gateway' or 'verify' */
  name: string;
  /** requests allowed per window per key */
  limit: number;
  windowMs: number;
  /** shared counters across replicas; memory when unset */
  redisUrl?: string | undefined;
  log?: Logger;
  /** most distinct keys remembered in memory (bounds memory under address floods) */
  maxKeys?: number;
}

const decide = (count: number, limit: number, windowEnd: number, now: number): RateDecision =>
  count <= limit
    ? { allowed: true, remaining: limit - count, retryAfterMs: 0 }
    : { allowed: false, remaining: 0, retryAfterMs: Math.max(1, windowEnd - now) };

const peeked = (count: number, limit: number, windowEnd: number, now: number): RateDecision =>
  count < limit
    ? { allowed: true, remaining: limit - count, retryAfterMs: 0 }
    : { allowed: false, remaining: 0, retryAfterMs: Math.max(1, windowEnd - now) };

function memoryCounters(windowMs: number, maxKeys: number) {
  const counts = new LRUCache<string, { window: number; count: number }>({ max: maxKeys, ttl: windowMs });
  const current = (key: string, window: number) => {
    const c = counts.get(key);
    return c && c.window === window ? c.count : 0;
  };
  return {
    current,
    add: (key: string, window: number) => {
      const next = current(key, window) + 1;
      counts.set(key, { window, count: next });
      return next;
    },
  };
}

const INCR_WITH_EXPIRY = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

export function createRateLimiter(opts: RateLimiterOptions): RateLimiter {
  if (!(opts.limit > 0) || !(opts.windowMs > 0))
    throw new Error('rate limiter: limit and windowMs must be > 0');
  const local = memoryCounters(opts.windowMs, opts.maxKeys ?? 100_000);
  const windowOf = (now: number) => Math.floor(now / opts.windowMs);
  if (!opts.redisUrl)
    return {
      take: async (key) => {
        const now = Date.now();
        const w = windowOf(now);
        return decide(local.add(key, w), opts.limit, (w + 1) * opts.windowMs, now);
      },
      blocked: async (key) => {
        const now = Date.now();
        const w = windowOf(now);
        return peeked(local.current(key, w), opts.limit, (w + 1) * opts.windowMs, now);
      },
      close: async () => {},
    };

  // commands fail at once while Redis is away instead of queueing behind the caller's request
  const redis = new Redis(opts.redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
  });
  redis.on('error', () => {}); // reported below, once per outage
  let degraded = false;
  const connecting = redis.connect().catch(() => {});
  /** asks Redis; while it does not answer, this replica's own counters answer instead */
  const shared = async (
    key: string,
    ask: (redisKey: string) => Promise<unknown>,
    fallback: (w: number) => number,
    answer: typeof decide,
  ) => {
    const now = Date.now();
    const w = windowOf(now);
    const end = (w + 1) * opts.windowMs;
    try {
      await connecting;
      const n = Number(await ask(`rl:${opts.name}:${key}:${w}`));
      if (degraded) opts.log?.info({ limiter: opts.name }, 'rate limiter: Redis answers again');
      degraded = false;
      return answer(n, opts.limit, end, now);
    } catch (err) {
      if (!degraded)
        opts.log?.warn(
          { err, limiter: opts.name },
          'rate limiter: Redis did not answer, counting per replica',
        );
      degraded = true;
      return answer(fallback(w), opts.limit, end, now);
    }
  };
  return {
    take: (key) =>
      shared(
        key,
        (k) => redis.eval(INCR_WITH_EXPIRY, 1, k, String(opts.windowMs + 1_000)),
        (w) => local.add(key, w),
        decide,
      ),
    blocked: (key) =>
      shared(
        key,
        async (k) => (await redis.get(k)) ?? 0,
        (w) => local.current(key, w),
        peeked,
      ),
    close: async () => {
      redis.disconnect();
    },
  };
}

/** The gateway passes the caller's address on to subgraphs in this header (requests also carry its claims). */
export const CLIENT_ADDRESS_HEADER = 'x-skills-client-address';

/**
 * The caller's address: the socket's peer, or — behind `trustedProxies` proxies (the Ingress) — the address the
 * outermost trusted proxy saw, read from the right of X-Forwarded-For (entries further left are the caller's say).
 */
export function clientAddress(
  req: {
    headers: Record<string, string | string[] | undefined>;
    socket: { remoteAddress?: string | undefined };
  },
  trustedProxies = 0,
): string {
  const xff = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(xff) ? xff.join(',') : (xff ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, req.socket.remoteAddress ?? 'unknown'];
  const addr = chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
  return addr.startsWith('::ffff:') ? addr.slice(7) : addr;
}
