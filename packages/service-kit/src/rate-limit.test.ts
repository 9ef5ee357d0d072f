// The limiter counts per key and window; with Redis, replicas share one count (two limiters here stand for two
// processes: each has its own connection and nothing in memory in common); without Redis it still limits.
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { clientAddress, createRateLimiter, type RateLimiter } from './rate-limit.js';
import { testRedisUrl } from './testing.js';

const redisUrl = await testRedisUrl();
const opened: RateLimiter[] = [];
const limiter = (o: Parameters<typeof createRateLimiter>[0]) => {
  const l = createRateLimiter(o);
  opened.push(l);
  return l;
};
afterAll(async () => {
  for (const l of opened) await l.close();
});

/** windows are aligned to the clock: start a test's takes well inside one, so none straddles a boundary */
const insideWindow = async (windowMs: number, marginMs: number) => {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((r) => setTimeout(r, left + 5));
};

const takeN = async (l: RateLimiter, key: string, n: number) => {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await l.take(key));
  return out;
};

describe('rate limiter in memory', () => {
  it('allows `limit` per key and window, then says when to retry; other keys are not affected', async () => {
    const l = limiter({ name: 'm', limit: 3, windowMs: 60_000 });
    await insideWindow(60_000, 2_000);
    const d = await takeN(l, 'a', 4);
    expect(d.map((x) => x.allowed)).toEqual([true, true, true, false]);
    expect(d.map((x) => x.remaining)).toEqual([2, 1, 0, 0]);
    expect(d[3]!.retryAfterMs).toBeGreaterThan(0);
    expect(d[3]!.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect((await l.take('b')).allowed).toBe(true);
  });

  it('blocked() reads without counting', async () => {
    const l = limiter({ name: 'p', limit: 2, windowMs: 60_000 });
    await insideWindow(60_000, 2_000);
    for (let i = 0; i < 5; i++) expect((await l.blocked('a')).allowed).toBe(true);
    await l.take('a');
    expect((await l.blocked('a')).allowed).toBe(true);
    await l.take('a');
    expect((await l.blocked('a')).allowed).toBe(false);
  });

  it('a new window starts a new count', async () => {
    const l = limiter({ name: 'w', limit: 1, windowMs: 300 });
    await insideWindow(300, 250);
    expect((await l.take('a')).allowed).toBe(true);
    expect((await l.take('a')).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 320));
    expect((await l.take('a')).allowed).toBe(true);
  });

  it('refuses a limit of 0', () => {
    expect(() => createRateLimiter({ name: 'x', limit: 0, windowMs: 1000 })).toThrow();
  });
});

describe.runIf(redisUrl)('rate limiter shared through Redis', () => {
  it('two replicas together allow `limit`, not twice it', async () => {
    const name = `t-${randomUUID()}`;
    await insideWindow(60_000, 5_000);
    const one = limiter({ name, limit: 5, windowMs: 60_000, redisUrl: redisUrl! });
    const two = limiter({ name, limit: 5, windowMs: 60_000, redisUrl: redisUrl! });
    const results = await Promise.all([takeN(one, 'client', 4), takeN(two, 'client', 4)]);
    const allowed = results.flat().filter((d) => d.allowed).length;
    expect(allowed).toBe(5);
    // a third process started later sees the same count
    const three = limiter({ name, limit: 5, windowMs: 60_000, redisUrl: redisUrl! });
    expect((await three.take('client')).allowed).toBe(false);
    expect((await three.take('other-client')).allowed).toBe(true);
    expect((await three.blocked('client')).allowed).toBe(false);
    expect((await one.blocked('other-client')).allowed).toBe(true);
  });
});

describe('rate limiter when Redis does not answer', () => {
  it('falls back to counting in this process and says so once', async () => {
    const warnings: unknown[] = [];
    const log = pino({ level: 'warn' }, { write: (s: string) => void warnings.push(JSON.parse(s)) });
    const l = limiter({ name: 'down', limit: 2, windowMs: 60_000, redisUrl: 'redis://127.0.0.1:1', log });
    await insideWindow(60_000, 5_000);
    const d = await takeN(l, 'a', 3);
    expect(d.map((x) => x.allowed)).toEqual([true, true, false]);
    expect(warnings).toHaveLength(1);
  });
});

describe('clientAddress', () => {
  const req = (xff: string | undefined, peer = '::ffff:10.0.0.9') => ({
    headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
    socket: { remoteAddress: peer },
  });
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(req('1.2.3.4'))).toBe('10.0.0.9');
  });
  it('behind one trusted proxy, the address that proxy saw (the rightmost entry), not a spoofed leftmost one', () => {
    expect(clientAddress(req('6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientAddress(req(undefined), 1)).toBe('10.0.0.9');
  });
});
