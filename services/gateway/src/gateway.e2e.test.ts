// The gateway end to end: the real catalogue subgraph as its own process (PGlite), a probe subgraph that
// references 100 occupations (standing in for agencies until that subgraph exists), and our gateway between
// them — all over real HTTP. A counting proxy in front of the catalogue shows how many fetches a query causes.
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  ANONYMOUS,
  CLAIMS_HEADER,
  createLogger,
  listen,
  signClaims,
  type RunningServer,
} from '@skills/service-kit';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from './compose.js';
import { readConfig } from './config.js';
import { makeDemoCreditCode, Role } from '@skills/domain';
import { createApiKeyVerifier } from './api-keys.js';
import { startGateway, type Gateway } from './gateway.js';
import { loadOperations, sha256 } from './persisted.js';
import { countingProxy, post, sdlOf, Services } from './testing/platform.js';

const catalogueSdl = sdlOf('@skills/catalogue');
const identitySdl = sdlOf('@skills/identity');
const SECRET = 'gateway-test-claims-secret-0123456789abc';
const DEMO_PASSWORD = 'Demo#2026';
const log = createLogger('gateway-test', 'silent');

const services = new Services();
let catalogueUrl: string;
let identityUrl: string;
let agenciesUrl: string;
let agenciesProxy: Server;
const agenciesBodies: string[] = [];
let identityProxy: Server;
const identityBodies: string[] = [];
let proxy: Server;
const catalogueBodies: string[] = [];
let probe: RunningServer;
let occupationCodes: string[] = [];

beforeAll(async () => {
  [catalogueUrl, identityUrl] = await Promise.all([
    services.start('@skills/catalogue', { CLAIMS_SECRET: SECRET }),
    services.start('@skills/identity', { CLAIMS_SECRET: SECRET, DEMO_ACCOUNTS: 'true' }),
  ]);
  proxy = await countingProxy(catalogueUrl, catalogueBodies);
  // entity fetches (Actor) go through this one; sign-in's JWKS may use identity directly
  identityProxy = await countingProxy(identityUrl, identityBodies);
  // agencies asks the catalogue directly here (in the platform it goes through the gateway)
  agenciesUrl = await services.start('@skills/agencies', {
    CLAIMS_SECRET: SECRET,
    DEMO_DATA: 'true',
    DEMO_BULK_AGENCIES: '100',
    CATALOGUE_GRAPH_URL: catalogueUrl,
  });
  agenciesProxy = await countingProxy(agenciesUrl, agenciesBodies);

  const codes = await post(
    catalogueUrl,
    { query: '{ occupations(first: 100) { edges { node { code } } } }' },
    { [CLAIMS_HEADER]: await signClaims(ANONYMOUS, SECRET) },
  );
  occupationCodes = codes.json.data.occupations.edges.map((e: { node: { code: string } }) => e.node.code);

  // Probe subgraph: 100 "agencies", each pointing at an occupation it does not own (only the key).
  const probeSchema = buildSubgraphSchema({
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
      type Occupation @key(fields: "code", resolvable: false) { code: String! }
      type ProbeAgency { id: Int! occupation: Occupation! }
      type Query { probeAgencies(n: Int!): [ProbeAgency!]! }`),
    resolvers: {
      Query: {
        probeAgencies: (_: unknown, { n }: { n: number }) =>
          Array.from({ length: n }, (_x, i) => ({
            id: i,
            occupation: { code: occupationCodes[i % occupationCodes.length] },
          })),
      },
    },
  });
  probe = await listen({
    apollo: new ApolloServer({ schema: probeSchema }),
    context: async () => ({}),
    log,
    host: '127.0.0.1',
    port: 0,
    bodyLimit: 1_000_000,
  });
}, 180_000);

afterAll(async () => {
  await probe?.close();
  proxy?.close();
  agenciesProxy?.close();
  identityProxy?.close();
  services.stop();
});

describe('gateway', () => {
  let gateway: Gateway;
  let prodGateway: Gateway;

  beforeAll(async () => {
    const probeSdl = (await post(probe.url, { query: '{ _service { sdl } }' })).json.data._service
      .sdl as string;
    const { supergraphSdl } = composeSupergraph([
      { name: 'catalogue', url: 'http://unused/graphql', sdl: catalogueSdl },
      { name: 'identity', url: 'http://unused/graphql', sdl: identitySdl },
      { name: 'agencies', url: 'http://unused/graphql', sdl: sdlOf('@skills/agencies') },
      { name: 'probe', url: probe.url, sdl: probeSdl },
    ]);
    const jwks = identityUrl.replace('/graphql', '/.well-known/jwks.json');
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
    const agenciesProxyUrl = `http://127.0.0.1:${(agenciesProxy.address() as AddressInfo).port}/graphql`;
    const identityProxyUrl = `http://127.0.0.1:${(identityProxy.address() as AddressInfo).port}/graphql`;
    gateway = await startGateway({
      config: readConfig({
        PORT: '0',
        LOG_LEVEL: 'silent',
        NODE_ENV: 'development',
        CLAIMS_SECRET: SECRET,
        IDENTITY_URL: identityUrl,
        MAX_QUERY_COST: '1000',
      }),
      supergraphSdl,
      subgraphUrls: { catalogue: proxyUrl, identity: identityProxyUrl, agencies: agenciesProxyUrl },
      // no caching of API key answers, so a revoked key is refused at once in the test
      verifyApiKey: createApiKeyVerifier(identityUrl, SECRET, 0),
      log,
    });
    prodGateway = await startGateway({
      config: readConfig({
        PORT: '0',
        LOG_LEVEL: 'silent',
        NODE_ENV: 'production',
        CLAIMS_SECRET: SECRET,
        IDENTITY_JWKS_URL: jwks,
        IDENTITY_URL: identityUrl,
        REVOCATION_POLL_SECONDS: '0.5',
      }),
      supergraphSdl,
      subgraphUrls: { catalogue: proxyUrl, identity: identityProxyUrl, agencies: agenciesProxyUrl },
      log,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await prodGateway?.close();
  });

  it('plans the registered operations at start without asking any subgraph (a mutation too)', async () => {
    const ops = loadOperations(fileURLToPath(new URL('../operations', import.meta.url)));
    const mutation =
      'mutation Suspend($id: ID!) { changeAgencyStatus(agencyId: $id, status: SUSPENDED, reason: "x") { id } }';
    const proxied = (p: typeof proxy) => `http://127.0.0.1:${(p.address() as AddressInfo).port}/graphql`;
    catalogueBodies.length = 0;
    agenciesBodies.length = 0;
    identityBodies.length = 0;
    const fresh = await startGateway({
      config: readConfig({ PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'production', CLAIMS_SECRET: SECRET }),
      supergraphSdl: composeSupergraph([
        { name: 'catalogue', url: 'http://unused/graphql', sdl: catalogueSdl },
        { name: 'identity', url: 'http://unused/graphql', sdl: identitySdl },
        { name: 'agencies', url: 'http://unused/graphql', sdl: sdlOf('@skills/agencies') },
      ]).supergraphSdl,
      subgraphUrls: {
        catalogue: proxied(proxy),
        identity: proxied(identityProxy),
        agencies: proxied(agenciesProxy),
      },
      operations: [...ops, { name: 'Suspend', query: mutation, sha256Hash: sha256(mutation) }],
      log,
    });
    try {
      expect(fresh.warmedUp.operations).toBe(ops.length + 1);
      expect([...catalogueBodies, ...agenciesBodies, ...identityBodies]).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('answers the occupation lookup through the gateway (电工)', async () => {
    const r = await post(gateway.url, { query: '{ occupation(code: "6-31-01-03") { code name } }' });
    expect(r.json).toEqual({ data: { occupation: { code: '6-31-01-03', name: '电工' } } });
  });

  it('lists 100 agencies with their scope occupation names from the catalogue: one fetch per subgraph', async () => {
    catalogueBodies.length = 0;
    agenciesBodies.length = 0;
    const r = await post(prodGateway.url, {
      query:
        '{ publicAgencies(first: 100) { totalCount edges { node { name filingNumber scope { levels occupation { code name } } } } } }',
    });
    expect(r.json.errors).toBeUndefined();
    const nodes = r.json.data.publicAgencies.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toHaveLength(100);
    const scope = nodes
      .flatMap((n: { scope: Array<{ occupation: { name: string } | null }> }) => n.scope)
      .filter((s: { occupation: unknown }) => s.occupation);
    expect(scope.length).toBeGreaterThanOrEqual(200);
    expect(scope.every((s: { occupation: { name: string } }) => s.occupation.name.length > 0)).toBe(true);
    expect(scope.map((s: { occupation: { code: string; name: string } }) => s.occupation)).toContainEqual({
      code: '6-31-01-03',
      name: '电工',
    });
    expect(agenciesBodies).toHaveLength(1);
    expect(catalogueBodies).toHaveLength(1);
    expect(catalogueBodies[0]).toContain('_entities');
  });

  it('says a missing required variable is the caller’s mistake (BAD_USER_INPUT, not an internal error)', async () => {
    const r = await post(prodGateway.url, {
      query: 'query Occupation($code: String!) { occupation(code: $code) { name } }',
    });
    expect(r.status).toBe(400);
    expect(r.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.json.errors[0].message).toMatch(/请求变量不正确/);
  });

  it("passes the subgraph's typed error and Chinese message through", async () => {
    const r = await post(gateway.url, { query: '{ occupation(code: "6-31") { name } }' });
    expect(r.json.errors[0].extensions.code).toBe('INVALID_OCCUPATION_CODE');
    expect(r.json.errors[0].message).toMatch(/职业编码格式不正确/);
  });

  it('joins 100 entities across subgraphs with one fetch to the catalogue', async () => {
    catalogueBodies.length = 0;
    const r = await post(gateway.url, { query: '{ probeAgencies(n: 100) { id occupation { code name } } }' });
    expect(r.json.errors).toBeUndefined();
    expect(r.json.data.probeAgencies).toHaveLength(100);
    expect(
      r.json.data.probeAgencies.every((a: { occupation: { name: string } }) => a.occupation.name.length > 0),
    ).toBe(true);
    expect(catalogueBodies).toHaveLength(1);
    expect(catalogueBodies[0]).toContain('_entities');
  });

  describe('signed-in callers', () => {
    const login = async (username: string) => {
      const r = await post(gateway.url, {
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
        variables: { u: username, p: DEMO_PASSWORD },
      });
      expect(r.json.errors).toBeUndefined();
      return r.json.data.login.accessToken as string;
    };
    it('logout ends the access token at once on this gateway, and on another gateway within its poll', async () => {
      const r = await post(gateway.url, {
        query:
          'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken refreshToken } }',
        variables: { u: 'quanzhou.hr', p: DEMO_PASSWORD },
      });
      const { accessToken, refreshToken } = r.json.data.login as {
        accessToken: string;
        refreshToken: string;
      };
      const me = { query: '{ me { username } }' };
      const bearer = { authorization: `Bearer ${accessToken}` };
      // both gateways have verified (and cached) the token before the logout
      expect((await post(gateway.url, me, bearer)).json.data.me.username).toBe('quanzhou.hr');
      expect((await post(prodGateway.url, me, bearer)).json.data.me.username).toBe('quanzhou.hr');
      const out = await post(
        gateway.url,
        { query: 'mutation($t: String!) { logout(refreshToken: $t) }', variables: { t: refreshToken } },
        bearer,
      );
      expect(out.json.data.logout).toBe(true);
      const after = await post(gateway.url, me, bearer);
      expect(after.status).toBe(401);
      expect(after.json.errors[0]).toMatchObject({
        message: '您已退出登录，请重新登录',
        extensions: { code: 'INVALID_TOKEN' },
      });
      // the other replica learns it from identity within REVOCATION_POLL_SECONDS (0.5 s here)
      const deadline = Date.now() + 5_000;
      let other = await post(prodGateway.url, me, bearer);
      while (other.status !== 401 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        other = await post(prodGateway.url, me, bearer);
      }
      expect(other.json.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
      // a new sign-in of the same account is unaffected
      expect(
        (await post(gateway.url, me, { authorization: `Bearer ${await login('quanzhou.hr')}` })).json.data.me,
      ).toEqual({ username: 'quanzhou.hr' });
    });

    const importRows = {
      query:
        'mutation($i: ImportCatalogueInput!) { importCatalogue(input: $i) { status errors { row field } } }',
      variables: {
        i: {
          kind: 'OCCUPATIONS',
          format: 'JSON',
          content: '[{"code":"6-31-01-03"}]',
          version: 'x',
          dryRun: true,
        },
      },
    };

    it('lists 100 agencies of the bureau register across three subgraphs (occupation names, who handled each step): one fetch per subgraph', async () => {
      const token = await login('quanzhou.hr'); // CITY_HR of 350500: every bulk agency's county is within
      agenciesBodies.length = 0;
      catalogueBodies.length = 0;
      identityBodies.length = 0;
      // the gateway with the default limits: a page of 100 costs 1,101, over the other gateway's test limit of 1,000
      const r = await post(
        prodGateway.url,
        {
          query:
            '{ agencies(search: "演示院校", first: 100) { totalCount edges { node { name scope { occupation { name } } events { typeName actor { displayName } } } } } }',
        },
        { authorization: `Bearer ${token}` },
      );
      expect(r.json.errors).toBeUndefined();
      type Node = {
        name: string;
        scope: Array<{ occupation: { name: string } | null }>;
        events: Array<{ typeName: string; actor: { displayName: string | null } | null }> | null;
      };
      const nodes = (r.json.data.agencies.edges as { node: Node }[]).map((e) => e.node);
      expect(nodes).toHaveLength(100);
      expect(r.json.data.agencies.totalCount).toBeGreaterThanOrEqual(100);
      expect(nodes.every((n) => n.name.startsWith('演示院校'))).toBe(true);
      const scope = nodes.flatMap((n) => n.scope);
      expect(scope).toHaveLength(300);
      expect(scope.every((s) => s.occupation && s.occupation.name.length > 0)).toBe(true);
      for (const n of nodes)
        expect(n.events).toEqual([
          { typeName: '准予备案', actor: { displayName: '泉州市人社局鉴定指导中心（演示）' } },
        ]);
      expect(agenciesBodies).toHaveLength(1);
      expect(catalogueBodies).toHaveLength(1);
      expect(catalogueBodies[0]).toContain('_entities');
      expect(identityBodies).toHaveLength(1);
      expect(identityBodies[0]).toContain('_entities');
      expect(identityBodies[0]).toContain('"__typename":"Actor"');
    });

    it('signs in through the gateway and sees their own account', async () => {
      const token = await login('quanzhou.hr');
      const me = await post(
        gateway.url,
        { query: '{ me { username roles { role regionCode } } }' },
        { authorization: `Bearer ${token}` },
      );
      expect(me.json.data.me).toEqual({
        username: 'quanzhou.hr',
        roles: [{ role: 'CITY_HR', regionCode: '350500' }],
      });
    });

    it('each subgraph enforces its own rule on the verified claims: only the province may import', async () => {
      expect((await post(gateway.url, importRows)).json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const city = await post(gateway.url, importRows, {
        authorization: `Bearer ${await login('quanzhou.hr')}`,
      });
      expect(city.json.errors[0].extensions.code).toBe('FORBIDDEN');
      const province = await post(gateway.url, importRows, {
        authorization: `Bearer ${await login('province.hr')}`,
      });
      expect(province.json.data.importCatalogue.status).toBe('REJECTED'); // the row lacks a name: validated, not applied
    });

    it('refuses bad tokens with 401 and a typed Chinese error', async () => {
      const bad = await post(
        gateway.url,
        { query: '{ me { username } }' },
        { authorization: 'Bearer abc.def.ghi' },
      );
      expect(bad.status).toBe(401);
      expect(bad.json.errors[0].extensions.code).toBe('INVALID_TOKEN');
      expect(bad.json.errors[0].message).toMatch(/登录凭证无效/);
    });

    it('a subgraph reached directly, bypassing the gateway, serves nothing: not with a token, not anonymously, not _entities', async () => {
      const token = await login('province.hr');
      const refused = (r: Awaited<ReturnType<typeof post>>) => {
        expect(r.status).toBe(401);
        expect(r.json.errors[0]).toMatchObject({
          message: '请通过平台网关访问本服务',
          extensions: { code: 'UNAUTHENTICATED' },
        });
        expect(r.json.data ?? null).toBeNull();
      };
      refused(await post(catalogueUrl, importRows, { authorization: `Bearer ${token}` }));
      refused(
        await post(identityUrl, { query: '{ me { username } }' }, { authorization: `Bearer ${token}` }),
      );
      refused(await post(catalogueUrl, { query: '{ occupation(code: "6-31-01-03") { name } }' }));
      // the gateway never exposes _entities; a direct call must not give an agency to anybody either
      refused(
        await post(agenciesUrl, {
          query:
            'query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { id name status } } }',
          variables: { r: [{ __typename: 'Agency', id: '1' }] },
        }),
      );
      // forged claims (another secret) are refused the same way
      const forged = await signClaims(
        { kind: 'user', id: 'x', grants: [{ role: Role.PROVINCE_HR, regionCode: '350000' }] },
        'a-different-secret-of-thirty-two-characters',
      );
      refused(await post(agenciesUrl, { query: '{ filings { id } }' }, { [CLAIMS_HEADER]: forged }));
      // health and readiness stay open for probes
      expect((await fetch(catalogueUrl.replace(/\/graphql$/, '/ready'))).status).toBe(200);
    });
  });

  describe('partners (API keys, registered operations only)', () => {
    const ops = loadOperations(fileURLToPath(new URL('../operations', import.meta.url)));
    const hashOf = (name: string) => ops.find((o) => o.name === name)!.sha256Hash;
    const persisted = (name: string, variables: object) => ({
      operationName: name,
      variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(name) } },
    });
    let secret: string;
    let keyId: string;

    beforeAll(async () => {
      const login = await post(gateway.url, {
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
        variables: { u: 'province.hr', p: DEMO_PASSWORD },
      });
      const created = await post(
        gateway.url,
        {
          query:
            'mutation($n: String!, $o: String!, $ops: [String!]!) { createApiKey(name: $n, organisationCode: $o, allowedOperations: $ops) { secret apiKey { id prefix allowedOperations } } }',
          variables: {
            n: '晋江鞋服企业 证书核验',
            o: makeDemoCreditCode('350582', 9002, '52'),
            ops: ['OccupationByCode'],
          },
        },
        { authorization: `Bearer ${login.json.data.login.accessToken}` },
      );
      expect(created.json.errors).toBeUndefined();
      secret = created.json.data.createApiKey.secret;
      keyId = created.json.data.createApiKey.apiKey.id;
      expect(secret).toMatch(/^sk_[0-9a-f]{12}_/);
    });

    it('runs a registered, allowed operation sent by hash', async () => {
      const r = await post(gateway.url, persisted('OccupationByCode', { code: '6-31-01-03' }), {
        'x-api-key': secret,
      });
      expect(r.json.errors).toBeUndefined();
      expect(r.json.data.occupation.name).toBe('电工');
    });

    it('refuses free-form queries, operations the key does not list, and unknown keys', async () => {
      const free = await post(
        gateway.url,
        { query: '{ occupation(code: "6-31-01-03") { name } }' },
        { 'x-api-key': secret },
      );
      expect(free.status).toBe(403);
      expect(free.json.errors[0].extensions.code).toBe('PERSISTED_QUERY_REQUIRED');
      const notListed = await post(gateway.url, persisted('OccupationSearch', { search: '电工' }), {
        'x-api-key': secret,
      });
      expect(notListed.json.errors[0].extensions.code).toBe('FORBIDDEN');
      const unknown = await post(gateway.url, persisted('OccupationByCode', { code: '6-31-01-03' }), {
        'x-api-key': 'sk_000000000000_nope',
      });
      expect(unknown.status).toBe(401);
      expect(unknown.json.errors[0].extensions.code).toBe('INVALID_API_KEY');
    });

    it('a revoked key stops working', async () => {
      const login = await post(gateway.url, {
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
        variables: { u: 'province.hr', p: DEMO_PASSWORD },
      });
      const revoked = await post(
        gateway.url,
        { query: 'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', variables: { id: keyId } },
        {
          authorization: `Bearer ${login.json.data.login.accessToken}`,
        },
      );
      expect(revoked.json.data.revokeApiKey.revokedAt).toBeTruthy();
      const r = await post(gateway.url, persisted('OccupationByCode', { code: '6-31-01-03' }), {
        'x-api-key': secret,
      });
      expect(r.json.errors[0].extensions.code).toBe('INVALID_API_KEY');
    });
  });

  describe('limits', () => {
    it('refuses queries nested deeper than the limit', async () => {
      let sel = 'code';
      for (let i = 0; i < 7; i++) sel = `majors { occupations { ${sel} } }`;
      const r = await post(gateway.url, { query: `{ occupation(code: "6-31-01-03") { ${sel} } }` });
      expect(r.status).toBe(400);
      expect(r.json.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
      expect(r.json.errors[0].message).toMatch(/最多 12 层/);
    });
    it('refuses thousands of aliases of a free field, and too many root fields, with a Chinese message', async () => {
      const aliases = Array.from({ length: 5000 }, (_, i) => `a${i}: __typename`).join(' ');
      const many = await post(gateway.url, { query: `{ ${aliases} }` });
      expect(many.status).toBe(400);
      expect(many.json.errors[0]).toMatchObject({
        message: '查询中的别名过多（5000 个，最多 50 个），请改用列表查询或分次查询',
        extensions: { code: 'TOO_MANY_ALIASES' },
      });
      expect(many.json.data ?? null).toBeNull();
      // nested aliases count too, also through fragments
      const nested = Array.from({ length: 51 }, (_, i) => `n${i}: code`).join(' ');
      const viaFragment = await post(gateway.url, {
        query: `{ occupation(code: "6-31-01-03") { ...F } } fragment F on Occupation { ${nested} }`,
      });
      expect(viaFragment.json.errors[0].extensions.code).toBe('TOO_MANY_ALIASES');
      const roots = Array.from({ length: 21 }, (_, i) => `s${i}: catalogueStats { occupations }`);
      const wide = await post(gateway.url, { query: `{ ${roots.join(' ')} }` });
      expect(wide.json.errors[0]).toMatchObject({
        message: '一次查询的顶层字段过多（21 个，最多 20 个），请分次查询',
        extensions: { code: 'TOO_MANY_ROOT_FIELDS' },
      });
      // within the limits: answered
      const fine = await post(gateway.url, { query: `{ ${roots.slice(0, 20).join(' ')} }` });
      expect(fine.json.errors).toBeUndefined();
      expect(fine.json.data.s19.occupations).toBeGreaterThan(60);
    });
    it('refuses queries whose estimated cost is above the limit, counting list sizes', async () => {
      const q = (n: number) =>
        `{ occupations(first: ${n}) { edges { node { code name category levels standard sources majors { code name } } } } }`;
      const big = await post(gateway.url, { query: q(100) });
      expect(big.json.errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
      const small = await post(gateway.url, { query: q(10) });
      expect(small.json.errors).toBeUndefined();
    });
  });

  it('supports automatic persisted queries for portals', async () => {
    const query = '{ catalogueStats { occupations } }';
    const ext = {
      persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') },
    };
    const miss = await post(gateway.url, { extensions: ext });
    expect(miss.json.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(
      (await post(gateway.url, { query, extensions: ext })).json.data.catalogueStats.occupations,
    ).toBeGreaterThan(60);
    expect(
      (await post(gateway.url, { extensions: ext })).json.data.catalogueStats.occupations,
    ).toBeGreaterThan(60);
  });

  it('prevents CSRF: a GET without a preflight-forcing header is refused', async () => {
    const res = await fetch(
      `${gateway.url}?query=${encodeURIComponent('{ catalogueStats { occupations } }')}`,
    );
    expect(res.status).toBe(400);
    const ok = await fetch(
      `${gateway.url}?query=${encodeURIComponent('{ catalogueStats { occupations } }')}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(ok.status).toBe(200);
  });

  it('answers CORS preflights only for the configured origins', async () => {
    const pre = (origin: string) =>
      fetch(gateway.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await pre('http://127.0.0.1:5173')).headers.get('access-control-allow-origin')).toBe(
      'http://127.0.0.1:5173',
    );
    expect((await pre('http://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows introspection in development only', async () => {
    const q = { query: '{ __schema { queryType { name } } }' };
    expect((await post(gateway.url, q)).json.data.__schema.queryType.name).toBe('Query');
    const prod = await post(prodGateway.url, q);
    expect(prod.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('limits the request body size', async () => {
    const big = await post(gateway.url, {
      query: `{ occupation(code: "${'x'.repeat(6 * 1024 * 1024)}") { name } }`,
    });
    expect(big.status).toBe(413);
    expect(big.json.errors[0].message).toBe('请求体过大');
  });

  it('reports health', async () => {
    const res = await fetch(gateway.url.replace('/graphql', '/health'));
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
