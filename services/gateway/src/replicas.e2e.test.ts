// Two gateway processes in front of the same subgraphs, as Kubernetes runs N replicas: a write through one drops
// the cached answers on the other before it returns (Redis), and a replica stopped with SIGTERM under load —
// then started again — loses no request of a client that sends round-robin to the replicas that say /ready.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '@skills/service-kit';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, Services } from './testing/platform.js';

const SECRET = 'replicas-test-claims-secret-0123456789abcd';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const gatewayDir = fileURLToPath(new URL('..', import.meta.url));

async function redisReachable(): Promise<boolean> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}
const withRedis = await redisReachable();
if (!withRedis && process.env.CI)
  throw new Error(`Redis is not reachable at ${REDIS_URL} (required under CI)`);

const services = new Services();
let subgraphEnv: Record<string, string>;
const gateways: ChildProcess[] = [];

beforeAll(async () => {
  const [catalogue, identity] = await Promise.all([
    services.start('@skills/catalogue', { CLAIMS_SECRET: SECRET }),
    services.start('@skills/identity', { CLAIMS_SECRET: SECRET, DEMO_ACCOUNTS: 'true' }),
  ]);
  const agencies = await services.start('@skills/agencies', {
    CLAIMS_SECRET: SECRET,
    DEMO_DATA: 'true',
    CATALOGUE_GRAPH_URL: catalogue,
  });
  subgraphEnv = { CATALOGUE_URL: catalogue, IDENTITY_URL: identity, AGENCIES_URL: agencies };
}, 240_000);

afterAll(() => {
  for (const g of gateways) if (g.exitCode === null) g.kill('SIGKILL');
  services.stop();
});

/** A gateway process (what a replica runs), on `port`; resolves once /ready answers. */
async function startGateway(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: gatewayDir,
    env: {
      ...process.env,
      ...subgraphEnv,
      PORT: String(port),
      CLAIMS_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  gateways.push(child);
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`gateway exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ready`)).ok) return child;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('gateway did not become ready');
}

const stopped = (c: ChildProcess) => new Promise<number | null>((r) => c.once('exit', (code) => r(code)));

describe.runIf(withRedis)('response cache across replicas (REDIS_URL)', () => {
  it('a write through one gateway: the other never serves the old answer once the write has returned', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const env = { REDIS_URL, RESPONSE_CACHE_TTL_SECONDS: '60' };
    const a = await startGateway(portA, env);
    const b = await startGateway(portB, env);
    const [urlA, urlB] = [`http://127.0.0.1:${portA}/graphql`, `http://127.0.0.1:${portB}/graphql`];
    const directory = {
      query: '{ publicAgencies(first: 100) { totalCount edges { node { id name status } } } }',
    };
    const read = async (url: string) => {
      const r = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(directory),
      });
      const body = (await r.json()) as {
        data: { publicAgencies: { edges: { node: { id: string; status: string } }[] } };
      };
      const nodes = body.data.publicAgencies.edges.map((e) => e.node);
      return {
        cache: r.headers.get('x-response-cache'),
        ids: nodes.map((n) => n.id),
        status: Object.fromEntries(nodes.map((n) => [n.id, n.status])),
      };
    };
    // both replicas hold the directory in their caches
    await read(urlA);
    await read(urlB);
    expect((await read(urlA)).cache).toBe('HIT');
    const before = await read(urlB);
    expect(before.cache).toBe('HIT');

    // the city bureau suspends a filed agency through gateway A
    const login = await post(urlA, {
      query: 'mutation { login(username: "quanzhou.hr", password: "Demo#2026") { accessToken } }',
    });
    const token = login.json.data.login.accessToken as string;
    const suspended = before.ids.find((id) => before.status[id] === 'FILED')!;
    const r = await post(
      urlA,
      {
        query:
          'mutation($id: ID!) { changeAgencyStatus(agencyId: $id, status: SUSPENDED, reason: "复核") { id } }',
        variables: { id: suspended },
      },
      { authorization: `Bearer ${token}` },
    );
    expect(r.json.errors).toBeUndefined();

    // the very next read on B is computed again, and shows the agency suspended
    const after = await read(urlB);
    expect(after.cache).toBe('MISS');
    expect(after.status[suspended]).toBe('SUSPENDED');

    a.kill('SIGTERM');
    b.kill('SIGTERM');
    await Promise.all([stopped(a), stopped(b)]);
  }, 120_000);
});

describe('graceful shutdown of a replica under load', () => {
  it('SIGTERM: /ready turns away new traffic, requests in flight finish; restarted, it serves again — no request fails', async () => {
    const ports = [await freePort(), await freePort()];
    const env = { RESPONSE_CACHE_TTL_SECONDS: '0', SHUTDOWN_DRAIN_SECONDS: '1' };
    const replicas = [await startGateway(ports[0]!, env), await startGateway(ports[1]!, env)];

    // the client: round-robin over the replicas whose /ready answered in the last 100 ms, as a load balancer does
    const ready = new Set<number>(ports);
    let polling = true;
    const poller = (async () => {
      while (polling) {
        for (const p of ports) {
          const ok = await fetch(`http://127.0.0.1:${p}/ready`, { signal: AbortSignal.timeout(500) }).then(
            (r) => r.ok,
            () => false,
          );
          if (ok) ready.add(p);
          else ready.delete(p);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const served = new Map<number, number>();
    const failures: string[] = [];
    let turn = 0;
    let sending = true;
    const worker = async () => {
      while (sending) {
        const choice = [...ready];
        if (choice.length === 0) {
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        const port = choice[turn++ % choice.length]!;
        try {
          const r = await post(`http://127.0.0.1:${port}/graphql`, {
            query: '{ occupation(code: "6-31-01-03") { name } majors(first: 5) { edges { node { code } } } }',
          });
          if (r.status !== 200 || r.json.data?.occupation?.name !== '电工')
            failures.push(`${port}: ${r.status}`);
          else served.set(port, (served.get(port) ?? 0) + 1);
        } catch (e) {
          failures.push(`${port}: ${(e as Error).message}`);
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, worker));

    await new Promise((r) => setTimeout(r, 1_500));
    const servedBeforeStop = served.get(ports[1]!) ?? 0;
    replicas[1]!.kill('SIGTERM');
    expect(await stopped(replicas[1]!)).toBe(0);
    const servedByStopped = served.get(ports[1]!) ?? 0;
    await new Promise((r) => setTimeout(r, 500));
    replicas[1] = await startGateway(ports[1]!, env);
    await new Promise((r) => setTimeout(r, 1_500));
    sending = false;
    await load;
    polling = false;
    await poller;

    expect(failures).toEqual([]);
    expect(servedBeforeStop).toBeGreaterThan(0); // it carried load before the stop
    expect(served.get(ports[1]!)! - servedByStopped).toBeGreaterThan(0); // and again after the restart
    expect(served.get(ports[0]!)).toBeGreaterThan(0);
    for (const g of replicas) g.kill('SIGTERM');
    await Promise.all(replicas.map(stopped));
  }, 120_000);
});

describe.runIf(withRedis)('per-address limits across replicas (REDIS_URL)', () => {
  it('failed sign-ins and requests of one address are counted once for all replicas; other addresses go on', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    // behind one trusted proxy (the Ingress) the address is the X-Forwarded-For entry it adds: each test run
    // uses addresses of its own, so runs sharing this Redis never count each other's requests
    const env = {
      REDIS_URL,
      TRUSTED_PROXIES: '1',
      LOGIN_FAILURES_PER_ADDRESS: '3',
      RATE_LIMIT_PER_MINUTE: '10',
    };
    const a = await startGateway(portA, env);
    const b = await startGateway(portB, env);
    const urls = [`http://127.0.0.1:${portA}/graphql`, `http://127.0.0.1:${portB}/graphql`];
    const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }';
    const as = (address: string) => ({ 'x-forwarded-for': address });

    // 1) three failed sign-ins alternating between replicas (an unknown account: no real account is locked)
    const guesser = `guesser-${randomUUID()}`;
    for (let i = 0; i < 3; i++) {
      const r = await post(
        urls[i % 2]!,
        { query: LOGIN, variables: { u: `nobody-${i}`, p: 'wrong' } },
        as(guesser),
      );
      expect(r.json.errors[0].extensions.code).not.toBe('TOO_MANY_REQUESTS');
    }
    // now both replicas refuse this address's sign-ins, even with the right password, and say when to retry
    for (const url of urls) {
      const r = await post(
        url,
        { query: LOGIN, variables: { u: 'jinjiang.hr', p: 'Demo#2026' } },
        as(guesser),
      );
      expect(r.status).toBe(429);
      expect(r.json.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
      expect(r.json.errors[0].message).toMatch(/分钟后再试/);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // a college's address where people sign in successfully is not counted at all
    const college = `college-${randomUUID()}`;
    for (let i = 0; i < 4; i++) {
      const r = await post(
        urls[i % 2]!,
        { query: LOGIN, variables: { u: 'jinjiang.hr', p: 'Demo#2026' } },
        as(college),
      );
      expect(r.json.data.login.accessToken).toBeTruthy();
    }

    // 2) requests: 12 from one address across both replicas with a limit of 10 — exactly 10 answered
    const busy = `busy-${randomUUID()}`;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => post(urls[i % 2]!, { query: '{ __typename }' }, as(busy))),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(10);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(2);
    expect(refused[0]!.json.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    expect((await post(urls[0]!, { query: '{ __typename }' }, as(`other-${randomUUID()}`))).status).toBe(200);

    for (const g of [a, b]) g.kill('SIGTERM');
    await Promise.all([a, b].map(stopped));
  }, 120_000);
});
