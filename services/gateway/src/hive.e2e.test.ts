// The composed supergraph is the deployable artifact: served by our gateway and by Hive Gateway (with
// hive/gateway.config.mjs, which signs the subgraphs' claims as ours does), the portals' operations — anonymous and
// signed in, one to three subgraphs — get the same answers. This is how a bureau could move to a Router-class
// gateway without touching a subgraph.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, freePort } from '@skills/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { defaultSupergraphPath, startGateway, type Gateway } from './gateway.js';
import { post, Services } from './testing/platform.js';

const require = createRequire(import.meta.url);
const SECRET = 'hive-test-claims-secret-0123456789abcdefgh';
const hiveBin = join(dirname(require.resolve('@graphql-hive/gateway/package.json')), 'dist/bin.js');
const hiveConfigDir = fileURLToPath(new URL('../hive', import.meta.url));

const services = new Services();
let ours: Gateway;
let hive: ChildProcess;
let hiveUrl: string;
let identityUrl: string;

beforeAll(async () => {
  const [catalogue, identity] = await Promise.all([
    services.start('@skills/catalogue', { CLAIMS_SECRET: SECRET }),
    services.start('@skills/identity', { CLAIMS_SECRET: SECRET, DEMO_ACCOUNTS: 'true' }),
  ]);
  identityUrl = identity;
  const agencies = await services.start('@skills/agencies', {
    CLAIMS_SECRET: SECRET,
    DEMO_DATA: 'true',
    CATALOGUE_GRAPH_URL: catalogue,
  });
  const urls: Record<string, string> = { catalogue, identity, agencies };
  // the build's supergraph, pointed at this run's subgraphs — one file for both gateways
  const supergraphSdl = readFileSync(defaultSupergraphPath, 'utf8').replace(
    /@join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
    (_m, name: string) => `@join__graph(name: "${name}", url: "${urls[name]}")`,
  );
  const supergraphPath = join(mkdtempSync(join(tmpdir(), 'hive-')), 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraphSdl);

  ours = await startGateway({
    config: readConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      CLAIMS_SECRET: SECRET,
      IDENTITY_URL: identity,
      RESPONSE_CACHE_TTL_SECONDS: '0',
    }),
    supergraphSdl,
    subgraphUrls: urls,
    log: createLogger('hive-test', 'silent'),
  });
  const port = await freePort();
  hive = spawn(
    process.execPath,
    [hiveBin, 'supergraph', supergraphPath, '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: hiveConfigDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        CLAIMS_SECRET: SECRET,
        IDENTITY_JWKS_URL: identity.replace(/\/graphql$/, '/.well-known/jwks.json'),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  hiveUrl = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; ; i++) {
    if (hive.exitCode !== null) throw new Error(`Hive Gateway exited with code ${hive.exitCode}`);
    if (
      await fetch(`http://127.0.0.1:${port}/healthcheck`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 240) throw new Error('Hive Gateway did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
}, 240_000);

afterAll(async () => {
  hive?.kill('SIGTERM');
  await ours?.close();
  services.stop();
});

/** The portals' reads: public pages, the college's, the bureaus' register (three subgraphs), the account. */
const OPERATIONS: { name: string; query: string; variables?: object; as?: string }[] = [
  {
    name: '职业详情',
    query: 'query($c: String!) { occupation(code: $c) { code name categoryName levels standard } }',
    variables: { c: '6-31-01-03' },
  },
  {
    name: '职业检索（拼音）',
    query: '{ occupations(search: "dg", first: 10) { totalCount edges { node { code name } } } }',
  },
  {
    name: '专项能力目录',
    query: '{ specialAbilityProjects(first: 20) { totalCount edges { node { code name } } } }',
  },
  {
    name: '评价机构名录（含职业名称，两个子图）',
    query:
      '{ publicAgencies(first: 20) { totalCount edges { node { id name status scope { occupationCode levels occupation { name } } } } } }',
  },
  {
    name: '院校名录',
    query:
      '{ institutions(regionCode: "350500", first: 50) { totalCount edges { node { creditCode name schoolTypeName } } } }',
  },
  {
    name: '我的账号',
    query: '{ me { username displayName roles { role regionCode orgCode } } }',
    as: 'quanzhou.hr',
  },
  {
    name: '备案申请（县区）',
    query: '{ filings(open: true, first: 50) { totalCount edges { node { id status regionCode } } } }',
    as: 'jinjiang.hr',
  },
  {
    name: '机构名录与办理人（三个子图）',
    query:
      '{ agencies(regionCode: "350500", first: 50) { totalCount edges { node { id name status events { type actor { displayName } } scope { occupation { name } } } } } }',
    as: 'quanzhou.hr',
  },
];

async function tokenOf(username: string, url: string): Promise<string> {
  const r = await post(url, {
    query: 'mutation($u: String!) { login(username: $u, password: "Demo#2026") { accessToken } }',
    variables: { u: username },
  });
  return r.json.data.login.accessToken as string;
}

describe('one supergraph, two gateway runtimes', () => {
  it.each(OPERATIONS.map((o) => [o.name, o] as const))(
    '%s: the same answer from ours and from Hive Gateway',
    async (_n, op) => {
      const headers: Record<string, string> = op.as
        ? { authorization: `Bearer ${await tokenOf(op.as, ours.url)}` }
        : {};
      const body = { query: op.query, variables: op.variables ?? {} };
      const [a, b] = [await post(ours.url, body, headers), await post(hiveUrl, body, headers)];
      expect(a.json.errors, 'ours').toBeUndefined();
      expect(b.json.errors, 'Hive').toBeUndefined();
      expect(a.json.data).toBeTruthy();
      expect(b.json.data).toEqual(a.json.data);
    },
  );

  it('a signed-in field without a token is refused by both (the subgraph decides)', async () => {
    const body = { query: '{ me { username } }' };
    const [a, b] = [await post(ours.url, body), await post(hiveUrl, body)];
    expect(a.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(b.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(identityUrl).toMatch(/graphql$/);
  });
});
