// Outages and the network: the platform (services and gateway, PGlite) with every process's outbound connections
// logged. A start connects only to what was configured; a subgraph that is down is named in a typed error while
// the others' fields are still served, and it is served again when it is back, without a gateway restart.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICES, startPlatform, type Platform } from '../../scripts/lib/platform.mjs';
import { freePort } from './support/ports.js';
import { DEMO_PASSWORD } from './support/session.js';

const preload = join(dirname(fileURLToPath(import.meta.url)), 'support', 'connection-log.mjs');
let platform: Platform;
let data: string;
let connectionLog: string;
const ports: Record<string, number> = {};

beforeAll(async () => {
  data = await mkdtemp(join(tmpdir(), 'skills-outage-'));
  connectionLog = join(data, 'connections.jsonl');
  for (const s of SERVICES) ports[s.name] = await freePort();
  platform = await startPlatform({
    apps: false,
    ports,
    log: 'ignore',
    env: {
      DATA_DIR: data,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      // answers must come from the subgraphs, not the gateway's cache of public answers
      RESPONSE_CACHE_TTL_SECONDS: '0',
      NODE_OPTIONS: `--import ${preload}`,
      CONNECTION_LOG: connectionLog,
    },
  });
});

afterAll(async () => {
  await platform?.stop();
  if (data) await rm(data, { recursive: true, force: true });
});

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are read structurally */
async function gql(query: string, token?: string): Promise<{ data?: any; errors?: any[] }> {
  const r = await fetch(platform.urls.gateway!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await r.json()) as { data?: any; errors?: any[] };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

const AGENCIES_WITH_OCCUPATIONS =
  '{ publicAgencies(first: 3) { edges { node { name scope { occupationCode occupation { name } } } } } }';

async function signIn(username: string): Promise<string> {
  const r = await gql(
    `mutation { login(username: "${username}", password: "${DEMO_PASSWORD}") { accessToken } }`,
  );
  return r.data.login.accessToken as string;
}

describe('outbound connections', () => {
  it('a start and a day of requests connect only to the subgraphs and the databases, on loopback', async () => {
    const token = await signIn('quanzhou.hr');
    expect((await gql(AGENCIES_WITH_OCCUPATIONS)).errors).toBeUndefined();
    expect((await gql('{ me { username } }', token)).data.me.username).toBe('quanzhou.hr');
    // the cloud-metadata probes and Apollo's usage reporting ran within seconds of the gateway's start
    await new Promise((r) => setTimeout(r, 3_000));

    const entries = (await readFile(connectionLog, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { pid: number; kind: string; target: string });
    const gatewayPid = platform.service('gateway')!.child.pid;
    const subgraphPorts = SERVICES.filter((s) => s.name !== 'gateway').map((s) => String(ports[s.name]));
    const foreign = entries.filter((e) => {
      if (e.kind === 'lookup') return !['127.0.0.1', 'localhost', '::1'].includes(e.target);
      const [host, port] = [e.target.slice(0, e.target.lastIndexOf(':')), e.target.split(':').pop()!];
      if (!['127.0.0.1', 'localhost', '::1'].includes(host)) return true;
      // the gateway talks to the subgraphs (and identity's keys) only
      return e.pid === gatewayPid && !subgraphPorts.includes(port);
    });
    expect(entries.length).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
  });
});

describe('a subgraph that is down', () => {
  it('is named in a SERVICE_UNAVAILABLE error, the other parts are still served, and it is back without a gateway restart', async () => {
    const token = await signIn('quanzhou.hr');
    const catalogue = platform.service('catalogue')!;
    await catalogue.stop();

    const partial = await gql(AGENCIES_WITH_OCCUPATIONS);
    const edges = partial.data.publicAgencies.edges as { node: { name: string; scope: unknown[] } }[];
    expect(edges.length).toBeGreaterThan(0);
    expect(edges[0]!.node.name).toBeTruthy();
    expect(partial.errors?.length).toBeGreaterThan(0);
    for (const e of partial.errors!) {
      expect(e).toMatchObject({
        message: '职业目录服务暂时不可用，请稍后重试',
        extensions: { code: 'SERVICE_UNAVAILABLE', service: 'catalogue' },
      });
    }
    // a root field of the catalogue alone
    const lookup = await gql('{ occupation(code: "6-31-01-03") { name } }');
    expect(lookup.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    // identity's and agencies' own fields are unaffected
    expect((await gql('{ me { username } }', token)).data.me.username).toBe('quanzhou.hr');

    catalogue.resume();
    const deadline = Date.now() + 60_000;
    let again = await gql(AGENCIES_WITH_OCCUPATIONS);
    while (again.errors && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      again = await gql(AGENCIES_WITH_OCCUPATIONS);
    }
    expect(again.errors).toBeUndefined();
    expect(again.data.publicAgencies.edges[0].node.scope[0].occupation.name).toBeTruthy();
  }, 120_000);
});
