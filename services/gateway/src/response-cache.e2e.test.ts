// The response cache end to end: real subgraph processes, gateways over real HTTP, a counting proxy in front of
// agencies. Anonymous public reads are served from the cache; signed-in reads never are; a mutation through
// any gateway (or any worker of a clustered gateway) invalidates what it changed, at once.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { startGateway, type Gateway } from './gateway.js';
import { countingProxy, Services } from './testing/platform.js';

const SECRET = 'response-cache-test-claims-secret-0123456789';
const services = new Services();
let catalogueUrl: string;
let identityUrl: string;
let agenciesUrl: string;
let agenciesProxy: Server;
const agenciesBodies: string[] = [];
let agenciesProxyUrl: string;
let a: Gateway;
let b: Gateway;
let agencyId: string;

interface Answer {
  status: number;
  cache: string | null;
  json: { data?: any; errors?: any };
}

async function ask(
  url: string,
  query: string,
  variables: object = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: r.status,
    cache: r.headers.get('x-response-cache'),
    json: (await r.json()) as Answer['json'],
  };
}

const AGENCY =
  'query Agency($id: ID!) { agency(id: $id) { id name status statusName scope { occupation { name } } } }';
const OCCUPATION = 'query Occupation($code: String!) { occupation(code: $code) { code name } }';

async function login(url: string, username: string) {
  const r = await ask(
    url,
    'mutation($u: String!) { login(username: $u, password: "Demo#2026") { accessToken } }',
    {
      u: username,
    },
  );
  expect(r.json.errors).toBeUndefined();
  return { authorization: `Bearer ${r.json.data.login.accessToken as string}` };
}

const changeStatus = (status: string) =>
  `mutation($id: ID!) { changeAgencyStatus(agencyId: $id, status: ${status}, reason: "缓存失效测试") { id status } }`;

beforeAll(async () => {
  [catalogueUrl, identityUrl] = await Promise.all([
    services.start('@skills/catalogue', { CLAIMS_SECRET: SECRET }),
    services.start('@skills/identity', { CLAIMS_SECRET: SECRET, DEMO_ACCOUNTS: 'true' }),
  ]);
  agenciesUrl = await services.start('@skills/agencies', {
    CLAIMS_SECRET: SECRET,
    DEMO_DATA: 'true',
    CATALOGUE_GRAPH_URL: catalogueUrl,
  });
  agenciesProxy = await countingProxy(agenciesUrl, agenciesBodies);
  agenciesProxyUrl = `http://127.0.0.1:${(agenciesProxy.address() as AddressInfo).port}/graphql`;
  // Two gateways in front of the same subgraphs, told of each other's invalidations as the cluster primary
  // relays them between workers (src/server.ts).
  const start = (onInvalidate: (s: string[]) => void) =>
    startGateway({
      config: readConfig({
        PORT: '0',
        LOG_LEVEL: 'silent',
        NODE_ENV: 'production',
        CLAIMS_SECRET: SECRET,
        IDENTITY_URL: identityUrl,
        RESPONSE_CACHE_TTL_SECONDS: '60',
      }),
      subgraphUrls: { catalogue: catalogueUrl, identity: identityUrl, agencies: agenciesProxyUrl },
      onInvalidate,
    });
  a = await start((s) => b.responseCache.invalidate(s, true));
  b = await start((s) => a.responseCache.invalidate(s, true));
  const list = await ask(a.url, '{ publicAgencies(first: 1) { edges { node { id } } } }');
  agencyId = list.json.data.publicAgencies.edges[0].node.id;
}, 180_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  agenciesProxy?.close();
  services.stop();
});

describe('response cache', () => {
  it('answers a repeated anonymous public query from the cache, without asking the subgraphs', async () => {
    const first = await ask(a.url, AGENCY, { id: agencyId });
    expect(first.json.errors).toBeUndefined();
    expect(first.json.data.agency.id).toBe(agencyId);
    expect(first.cache).toBe('MISS');
    agenciesBodies.length = 0;
    const second = await ask(a.url, AGENCY, { id: agencyId });
    expect(second.cache).toBe('HIT');
    expect(second.json).toEqual(first.json);
    expect(agenciesBodies).toHaveLength(0);
  });

  it('keys answers by variables: another occupation code is a miss with its own data', async () => {
    const x = await ask(a.url, OCCUPATION, { code: '6-31-01-03' });
    const y = await ask(a.url, OCCUPATION, { code: '4-01-06-01' });
    expect(x.json.data.occupation.name).toBe('电工');
    expect(y.cache).toBe('MISS');
    expect(y.json.data.occupation.code).toBe('4-01-06-01');
    expect((await ask(a.url, OCCUPATION, { code: '6-31-01-03' })).json).toEqual(x.json);
  });

  it('never caches answers with errors', async () => {
    const bad = await ask(a.url, OCCUPATION, { code: '6-31' });
    expect(bad.json.errors[0].extensions.code).toBe('INVALID_OCCUPATION_CODE');
    const again = await ask(a.url, OCCUPATION, { code: '6-31' });
    expect(again.cache).toBe('MISS');
  });

  it('never serves or stores signed-in callers, nor queries with a non-public field', async () => {
    const hr = await login(a.url, 'quanzhou.hr');
    agenciesBodies.length = 0;
    const r1 = await ask(a.url, AGENCY, { id: agencyId }, hr);
    const r2 = await ask(a.url, AGENCY, { id: agencyId }, hr);
    expect(r1.cache).toBeNull();
    expect(r2.cache).toBeNull();
    expect(agenciesBodies).toHaveLength(2);
    const mixed = await ask(a.url, `{ occupation(code: "6-31-01-03") { name } me { username } }`);
    expect(mixed.cache).toBeNull();
  });

  it('a mutation through one gateway invalidates the answers it changed on both, at once', async () => {
    const before = await ask(b.url, AGENCY, { id: agencyId });
    expect((await ask(b.url, AGENCY, { id: agencyId })).cache).toBe('HIT');
    expect((await ask(a.url, AGENCY, { id: agencyId })).cache).toBe('HIT');
    // an answer that never touched agencies stays
    await ask(b.url, OCCUPATION, { code: '6-31-01-03' });
    const hr = await login(a.url, 'quanzhou.hr');
    const suspended = await ask(a.url, changeStatus('SUSPENDED'), { id: agencyId }, hr);
    expect(suspended.json.errors).toBeUndefined();
    try {
      for (const g of [a, b]) {
        const after = await ask(g.url, AGENCY, { id: agencyId });
        expect(after.cache).toBe('MISS');
        expect(after.json.data.agency.status).toBe('SUSPENDED');
        expect(after.json.data.agency.status).not.toBe(before.json.data.agency.status);
      }
      expect((await ask(b.url, OCCUPATION, { code: '6-31-01-03' })).cache).toBe('HIT');
    } finally {
      const restored = await ask(a.url, changeStatus('FILED'), { id: agencyId }, hr);
      expect(restored.json.errors).toBeUndefined();
    }
    expect((await ask(b.url, AGENCY, { id: agencyId })).json.data.agency.status).toBe('FILED');
  });

  it('with GATEWAY_WORKERS=2, both workers serve and a mutation on one invalidates the other', async () => {
    const url = await services.start('@skills/gateway', {
      NODE_ENV: 'production',
      CLAIMS_SECRET: SECRET,
      GATEWAY_WORKERS: '2',
      RESPONSE_CACHE_TTL_SECONDS: '60',
      CATALOGUE_URL: catalogueUrl,
      IDENTITY_URL: identityUrl,
      AGENCIES_URL: agenciesUrl,
    });
    // new connections are spread over the workers: read until both hold the answer
    const reads = () =>
      Promise.all(
        Array.from({ length: 8 }, () => ask(url, AGENCY, { id: agencyId }, { connection: 'close' })),
      );
    let warm = await reads();
    for (let i = 0; i < 20 && !warm.every((r) => r.cache === 'HIT'); i++) warm = await reads();
    expect(warm.every((r) => r.cache === 'HIT' && r.json.data.agency.status === 'FILED')).toBe(true);
    const hr = await login(url, 'quanzhou.hr');
    const suspended = await ask(url, changeStatus('SUSPENDED'), { id: agencyId }, hr);
    expect(suspended.json.errors).toBeUndefined();
    try {
      // the relay between workers is a message through the primary: within a moment every read is fresh
      // (without the relay the other worker would serve the stale answer for the whole time to live, 60 s)
      const deadline = Date.now() + 3000;
      let after = await reads();
      while (Date.now() < deadline && after.some((r) => r.json.data.agency.status !== 'SUSPENDED')) {
        await new Promise((r) => setTimeout(r, 100));
        after = await reads();
      }
      expect(after.map((r) => r.json.data.agency.status)).toEqual(Array(8).fill('SUSPENDED'));
    } finally {
      await ask(url, changeStatus('FILED'), { id: agencyId }, hr);
    }
  });
});
