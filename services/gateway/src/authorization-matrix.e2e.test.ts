// The authorization matrix, generated from the composed schema: every root query and mutation is called as
// every kind of caller — no token, a forged token, an expired token, each demo role (two counties: a token for
// another region), a partner API key — through the real gateway to the real subgraphs. The test fails if an
// operation declares no access rule, or if any call gets data its rule does not allow.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoCollege, isWithinRegion, makeDemoCreditCode } from '@skills/domain';
import { createLogger, freePort, parseAccessTag, type AccessRule } from '@skills/service-kit';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '@skills/service-kit/testing';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  parse,
  type GraphQLField,
  type GraphQLInputType,
  type ObjectTypeDefinitionNode,
} from 'graphql';
import { generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './auth.js';
import { composeSupergraph } from './compose.js';
import { readConfig } from './config.js';
import { startGateway, type Gateway } from './gateway.js';
import { SUBGRAPHS } from './subgraphs.js';
import { post, sdlOf, Services, type Posted } from './testing/platform.js';

const SECRET = randomBytes(32).toString('base64url');
const DEMO_PASSWORD = 'Demo#2026';
const kinds = await testDatabaseKinds();

// ---- the operations and their declared rules, from the supergraph the build composed ----
const dist = (f: string) => readFileSync(fileURLToPath(new URL(`../dist/${f}`, import.meta.url)), 'utf8');
const supergraphSdl = dist('supergraph.graphql');
const apiSchema = buildSchema(dist('api-schema.graphql'));

interface Operation {
  kind: 'query' | 'mutation';
  field: string;
  rule: AccessRule | null;
  /** the operation text for a caller: scoped arguments (regionCode, institutionCode) get the caller's own scope,
   *  or, with `foreign`, a scope that is not theirs */
  document: (caller: Caller, foreign?: boolean) => string;
  /** has an argument naming a region or an organisation the caller acts on */
  scoped: boolean;
}

/** Arguments that name the row an operation acts on: row-level rules apply to them. */
const SCOPED_ARGS = ['regionCode', 'cityCode', 'institutionCode'];
const FOREIGN = { regionCode: '440100', institutionCode: makeDemoCreditCode('440100', 4242) }; // outside Fujian: nobody's scope

function rulesOf(root: 'Query' | 'Mutation'): Map<string, AccessRule | null> {
  const def = parse(supergraphSdl).definitions.find(
    (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === root,
  );
  return new Map(
    (def?.fields ?? []).map((f) => {
      const tags = (f.directives ?? [])
        .filter((d) => d.name.value === 'tag')
        .map((d) => d.arguments?.find((a) => a.name.value === 'name')?.value)
        .map((v) => (v?.kind === Kind.STRING ? parseAccessTag(v.value) : null))
        .filter((r): r is AccessRule => r !== null);
      return [f.name.value, tags[0] ?? null];
    }),
  );
}

/** A value of the right type for a required argument: enough to reach authorization, harmless if allowed. */
function sample(type: GraphQLInputType, name: string, caller: Caller, foreign: boolean): string {
  const t = getNullableType(type);
  if (name === 'regionCode' || name === 'cityCode')
    return JSON.stringify(
      foreign ? FOREIGN.regionCode : (caller.grants?.find((g) => g.regionCode)?.regionCode ?? '350500'),
    );
  if (name === 'institutionCode')
    return JSON.stringify(
      foreign
        ? FOREIGN.institutionCode
        : (caller.grants?.find((g) => g.orgCode)?.orgCode ?? FOREIGN.institutionCode),
    );
  if (isListType(t)) return `[${sample(t.ofType, name, caller, foreign)}]`;
  if (isEnumType(t)) return t.getValues()[0]!.name;
  if (isInputObjectType(t)) {
    const fields = Object.values(t.getFields()).filter(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined,
    );
    return `{ ${fields.map((f) => `${f.name}: ${sample(f.type, f.name, caller, foreign)}`).join(', ')} }`;
  }
  if (isScalarType(t)) {
    if (t.name === 'Int' || t.name === 'Float') return '1';
    if (t.name === 'Boolean') return 'true';
    if (t.name === 'DateTime') return '"2030-01-01T00:00:00Z"';
    return '"matrix-probe"';
  }
  throw new Error(`no sample for ${String(t)}`);
}

function operations(): Operation[] {
  const ops: Operation[] = [];
  for (const [kind, type] of [
    ['query', apiSchema.getQueryType()],
    ['mutation', apiSchema.getMutationType()],
  ] as const) {
    const rules = rulesOf(kind === 'query' ? 'Query' : 'Mutation');
    for (const field of Object.values(type!.getFields()) as GraphQLField<unknown, unknown>[]) {
      const required = field.args.filter((a) => isNonNullType(a.type));
      const selection =
        isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type))
          ? ''
          : ' { __typename }';
      const document = (caller: Caller, foreign = false) => {
        const args = required.map((a) => `${a.name}: ${sample(a.type, a.name, caller, foreign)}`);
        return `${kind} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
      };
      const scoped = required.some((a) => SCOPED_ARGS.includes(a.name));
      ops.push({ kind, field: field.name, rule: rules.get(field.name) ?? null, document, scoped });
    }
  }
  return ops;
}

const OPS = operations();

describe('declared rules', () => {
  it('the built supergraph is what the subgraphs compose to today', () => {
    const fresh = composeSupergraph(
      SUBGRAPHS.map((s) => ({ name: s.name, url: s.defaultUrl, sdl: sdlOf(s.package) })),
    );
    expect(fresh.supergraphSdl).toBe(supergraphSdl);
  });
  it('every root query and mutation declares an access rule', () => {
    expect(OPS.length).toBeGreaterThanOrEqual(15);
    expect(OPS.filter((o) => !o.rule).map((o) => o.field)).toEqual([]);
  });
});

// ---- the callers ----
interface Caller {
  name: string;
  headers: Record<string, string>;
  /** roles held (users), or the kind of refusal the gateway must give before any subgraph runs */
  roles?: string[];
  grants?: Array<{ role: string; regionCode?: string | null; orgCode?: string | null }>;
  refusedAtGateway?: { status: number; code: string };
}

describe.each(kinds.includes('postgres') ? ['postgres' as const] : ['pglite' as const])(
  'authorization matrix (%s)',
  (kind) => {
    const services = new Services();
    let db: TestDatabase | undefined;
    let gateway: Gateway;
    const callers: Caller[] = [];
    let subgraphUrls: Record<string, string> = {};

    beforeAll(async () => {
      db = kind === 'postgres' ? await createTestDatabase('postgres', 'authz_matrix') : undefined;
      // agencies asks the catalogue, assessment asks agencies, certificates asks assessment and agencies, through the
      // gateway, as in the platform: the gateway's port is chosen first
      const gatewayPort = await freePort();
      // every subgraph the gateway composes, each as its own process, with the demo accounts and demo data
      const env = {
        CLAIMS_SECRET: SECRET,
        DEMO_ACCOUNTS: 'true',
        DEMO_DATA: 'true',
        CATALOGUE_GRAPH_URL: `http://127.0.0.1:${gatewayPort}/graphql`,
        AGENCIES_GRAPH_URL: `http://127.0.0.1:${gatewayPort}/graphql`,
        ASSESSMENT_GRAPH_URL: `http://127.0.0.1:${gatewayPort}/graphql`,
      };
      const urls = Object.fromEntries(
        await Promise.all(
          SUBGRAPHS.map(async (s) => [s.name, await services.start(s.package, env, db?.url)] as const),
        ),
      );
      subgraphUrls = urls;
      const identityUrl = urls.identity!;
      gateway = await startGateway({
        config: readConfig({
          PORT: String(gatewayPort),
          LOG_LEVEL: 'silent',
          NODE_ENV: 'test',
          CLAIMS_SECRET: SECRET,
          IDENTITY_URL: identityUrl,
        }),
        supergraphSdl,
        subgraphUrls: urls,
        log: createLogger('matrix', 'silent'),
      });

      callers.push({ name: 'anonymous', headers: {}, roles: [] });
      const jwks = (await (
        await fetch(identityUrl.replace('/graphql', '/.well-known/jwks.json'))
      ).json()) as { keys: JWK[] };
      const kid = jwks.keys[0]!.kid!;
      const forger = (await generateKeyPair('ES256')).privateKey;
      const forged = await new SignJWT({ grants: [{ role: 'PROVINCE_HR', regionCode: '350000' }] })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setSubject('forged')
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setExpirationTime('5m')
        .sign(forger);
      callers.push({
        name: 'forged token',
        headers: { authorization: `Bearer ${forged}` },
        refusedAtGateway: { status: 401, code: 'INVALID_TOKEN' },
      });
      if (db) {
        // An expired token signed with identity's real key (read from its schema, as only a test may).
        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        const row = (await c.query('select "privateJwk" from identity."SigningKey" where kid = $1', [kid]))
          .rows[0] as { privateJwk: JWK };
        await c.end();
        const expired = await new SignJWT({ grants: [{ role: 'PROVINCE_HR', regionCode: '350000' }] })
          .setProtectedHeader({ alg: 'ES256', kid })
          .setSubject('expired')
          .setIssuer(TOKEN_ISSUER)
          .setAudience(TOKEN_AUDIENCE)
          .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
          .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
          .sign(await importJWK(row.privateJwk, 'ES256'));
        callers.push({
          name: 'expired token',
          headers: { authorization: `Bearer ${expired}` },
          refusedAtGateway: { status: 401, code: 'TOKEN_EXPIRED' },
        });
      }
      const accounts = [
        'province.hr',
        'province.edu',
        'quanzhou.hr',
        'quanzhou.edu',
        'jinjiang.hr',
        'nanan.hr',
        'shishi.hr',
        'haiyang.admin',
        'dehua.admin',
        'liming.admin',
        'liming.agency',
        'liming.assessor',
        'quanzhou.supervisor',
        'candidate.demo',
        'partner.demo',
      ];
      let provinceToken = '';
      for (const username of accounts) {
        const r = await post(gateway.url, {
          query:
            'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken account { roles { role regionCode orgCode } } } }',
          variables: { u: username, p: DEMO_PASSWORD },
        });
        expect(r.json.errors, username).toBeUndefined();
        const token = r.json.data.login.accessToken as string;
        if (username === 'province.hr') provinceToken = token;
        const grants = r.json.data.login.account.roles as NonNullable<Caller['grants']>;
        callers.push({
          name: username,
          headers: { authorization: `Bearer ${token}` },
          roles: grants.map((g) => g.role),
          grants,
        });
      }
      // a token whose session was ended by logout: refused although its signature and expiry are fine
      const out = await post(gateway.url, {
        query:
          'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken refreshToken } }',
        variables: { u: 'province.hr', p: DEMO_PASSWORD },
      });
      const ended = out.json.data.login as { accessToken: string; refreshToken: string };
      await post(
        gateway.url,
        { query: 'mutation($t: String!) { logout(refreshToken: $t) }', variables: { t: ended.refreshToken } },
        { authorization: `Bearer ${ended.accessToken}` },
      );
      callers.push({
        name: 'logged-out token',
        headers: { authorization: `Bearer ${ended.accessToken}` },
        refusedAtGateway: { status: 401, code: 'INVALID_TOKEN' },
      });
      const key = await post(
        gateway.url,
        {
          query:
            'mutation($o: String!) { createApiKey(name: "matrix", organisationCode: $o, allowedOperations: ["OccupationByCode"]) { secret } }',
          variables: { o: makeDemoCreditCode('350582', 9003, '52') },
        },
        { authorization: `Bearer ${provinceToken}` },
      );
      callers.push({
        name: 'partner API key',
        headers: { 'x-api-key': key.json.data.createApiKey.secret },
        refusedAtGateway: { status: 403, code: 'PERSISTED_QUERY_REQUIRED' },
      });
    }, 240_000);

    afterAll(async () => {
      await gateway?.close();
      services.stop();
      await db?.drop();
    });

    const DENIALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);
    const fieldError = (r: Posted, field: string) =>
      ((r.json.errors ?? []) as Array<{ path?: string[]; extensions?: { code?: string } }>).find(
        (e) => e.path?.[0] === field,
      );

    function expected(op: Operation, caller: Caller): 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
      const rule = op.rule!;
      if (rule.kind === 'public') return 'allowed';
      if (!caller.roles?.length) return 'UNAUTHENTICATED';
      if (rule.kind === 'authenticated') return 'allowed';
      // only the platform's services: no person or partner, whatever their roles
      if (rule.kind === 'services') return 'FORBIDDEN';
      return rule.roles.some((r) => caller.roles!.includes(r)) ? 'allowed' : 'FORBIDDEN';
    }

    it('a subgraph called directly, around the gateway, refuses every operation and _entities to every caller', async () => {
      let refused = 0;
      const entities = {
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
        variables: { r: [{ __typename: 'Agency', id: '1' }] },
      };
      for (const [name, url] of Object.entries(subgraphUrls)) {
        for (const caller of callers) {
          for (const body of [...OPS.map((op) => ({ query: op.document(caller) })), entities]) {
            const r = await post(url, body, caller.headers);
            expect([r.status, r.json.errors?.[0]?.extensions?.code], `${caller.name} → ${name}`).toEqual([
              401,
              'UNAUTHENTICATED',
            ]);
            expect(r.json.data ?? null).toBeNull();
            refused++;
          }
        }
      }
      expect(refused).toBeGreaterThan(callers.length * (OPS.length + 1));
    });

    it.each(OPS.map((o) => [o.field, o] as const))(
      '%s: each caller gets exactly what the rule allows',
      async (_name, op) => {
        expect(callers.length).toBeGreaterThanOrEqual(16);
        const outcomes: string[] = [];
        for (const caller of callers) {
          const r = await post(gateway.url, { query: op.document(caller) }, caller.headers);
          const got = r.json.data?.[op.field];
          if (caller.refusedAtGateway) {
            expect([r.status, r.json.errors?.[0]?.extensions?.code], `${caller.name} → ${op.field}`).toEqual([
              caller.refusedAtGateway.status,
              caller.refusedAtGateway.code,
            ]);
            expect(got ?? null, `${caller.name} must get no data from ${op.field}`).toBeNull();
            outcomes.push(`${caller.name}:refused`);
            continue;
          }
          const want = expected(op, caller);
          const err = fieldError(r, op.field);
          if (want === 'allowed') {
            expect(
              DENIALS.has(err?.extensions?.code ?? ''),
              `${caller.name} should be allowed ${op.field}: ${JSON.stringify(err)}`,
            ).toBe(false);
            if (op.scoped && op.rule!.kind !== 'public') {
              // The same operation on another region's or organisation's rows: refused, no data.
              const foreign = await post(gateway.url, { query: op.document(caller, true) }, caller.headers);
              expect(
                fieldError(foreign, op.field)?.extensions?.code,
                `${caller.name} → ${op.field} on another region`,
              ).toBe('FORBIDDEN');
              expect(foreign.json.data?.[op.field] ?? null).toBeNull();
              outcomes.push(`${caller.name}:foreign-refused`);
            }
          } else {
            expect(err?.extensions?.code, `${caller.name} → ${op.field}`).toBe(want);
            expect(got ?? null, `${caller.name} must get no data from ${op.field}`).toBeNull();
          }
          outcomes.push(`${caller.name}:${want}`);
        }
        expect(outcomes.filter((o) => !o.endsWith('foreign-refused'))).toHaveLength(callers.length);
      },
    );

    // Row-level rules on foreign targets that the generated matrix cannot name: another college's
    // idempotency key, another region's agencies reached through a nested field.
    describe('foreign rows', () => {
      const users = () => callers.filter((c) => !c.refusedAtGateway);
      const as = (name: string) => callers.find((c) => c.name === name)!;
      const APPLY = `mutation($i: String!, $key: String) {
        applyForFiling(institutionCode: $i, kind: SKILL_LEVEL_AGENCY, requestKey: $key,
          duties: { designatedUnit: "职业技能评价中心办公室", managementRules: "考务、档案、问题查处和责任追究制度", noOutsourcing: true },
          scope: [{ occupationCode: "6-31-01-03", levels: [LEVEL_4] }]) { id agency { institution { creditCode } } } }`;

      it("a college replaying another college's requestKey gets nothing of theirs", async () => {
        const haiyang = demoCollege('泉州海洋职业学院').creditCode;
        const dehua = demoCollege('德化职业技术学校').creditCode;
        const theirs = await post(
          gateway.url,
          { query: APPLY, variables: { i: haiyang, key: 'matrix-key' } },
          as('haiyang.admin').headers,
        );
        expect(theirs.json.errors).toBeUndefined();
        const mine = await post(
          gateway.url,
          { query: APPLY, variables: { i: dehua, key: 'matrix-key' } },
          as('dehua.admin').headers,
        );
        expect(mine.json.errors).toBeUndefined();
        expect(mine.json.data.applyForFiling.id).not.toBe(theirs.json.data.applyForFiling.id);
        expect(mine.json.data.applyForFiling.agency.institution.creditCode).toBe(dehua);
        // naming the other college outright is refused
        const forged = await post(
          gateway.url,
          { query: APPLY, variables: { i: haiyang, key: 'matrix-key' } },
          as('dehua.admin').headers,
        );
        expect(forged.json.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(forged.json.data?.applyForFiling ?? null).toBeNull();
      });

      it('an agency still applying shows in Institution.agencies to its college and its region’s bureaus only', async () => {
        const nanan = demoCollege('南安职业中专学校'); // 南安 350583: its agency is still applying
        const BUREAU_ROLES = [
          'PROVINCE_HR',
          'CITY_HR',
          'COUNTY_HR',
          'PROVINCE_EDU',
          'CITY_EDU',
          'COUNTY_EDU',
        ];
        const query = `query($c: String!) { institution(creditCode: $c) { agencies { status } } }`;
        const seen: string[] = [];
        for (const caller of users()) {
          const r = await post(gateway.url, { query, variables: { c: nanan.creditCode } }, caller.headers);
          expect(r.json.errors, caller.name).toBeUndefined();
          const statuses = (r.json.data.institution.agencies as { status: string }[]).map((a) => a.status);
          const entitled = (caller.grants ?? []).some(
            (g) =>
              g.orgCode === nanan.creditCode ||
              (BUREAU_ROLES.includes(g.role) &&
                !!g.regionCode &&
                isWithinRegion(nanan.regionCode, g.regionCode)),
          );
          expect(statuses.includes('APPLYING'), `${caller.name} sees the applying agency`).toBe(entitled);
          if (entitled) seen.push(caller.name);
        }
        expect(seen).toEqual(
          expect.arrayContaining(['province.hr', 'quanzhou.hr', 'quanzhou.edu', 'nanan.hr']),
        );
        expect(seen).not.toContain('jinjiang.hr');
      });
    });
  },
);
