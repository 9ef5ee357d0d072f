// Identity as a client sees it, over real HTTP, on PGlite (data dir, as npm start) and PostgreSQL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANONYMOUS, CLAIMS_HEADER, signClaims } from '@skills/service-kit';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '@skills/service-kit/testing';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_IDS, demoAccountId } from '@skills/domain';
import { readConfig } from './config.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo.js';
import { AUDIENCE, ISSUER } from './sessions.js';
import { startIdentity, type IdentityService } from './server.js';

const SECRET = 'identity-test-claims-secret-0123456789';
/** Subgraphs serve only signed requests: what the gateway sends for a caller who is not signed in. */
const anonymous = await signClaims(ANONYMOUS, SECRET, 3600);
const kinds = await testDatabaseKinds();

describe.each(kinds)('identity subgraph on %s', (kind) => {
  let db: TestDatabase | undefined;
  let svc: IdentityService;
  const sql: string[] = [];
  const gql = async (query: string, variables?: object, claims?: string) => {
    const res = await fetch(svc.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLAIMS_HEADER]: claims ?? anonymous },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: any[] };
  };
  const LOGIN =
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken refreshToken expiresIn account { id username roles { role regionCode } } } }';
  const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';

  beforeAll(async () => {
    const database =
      kind === 'pglite'
        ? { DATA_DIR: mkdtempSync(join(tmpdir(), 'identity-')) }
        : { DATABASE_URL: (db = await createTestDatabase(kind, 'identity')).url };
    svc = await startIdentity(
      readConfig({
        ...database,
        PORT: '0',
        CLAIMS_SECRET: SECRET,
        DEMO_ACCOUNTS: 'true',
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        MAX_FAILED_LOGINS: '3',
      }),
      { onQuery: (q) => sql.push(q) },
    );
  });
  afterAll(async () => {
    await svc?.close();
    await db?.drop();
  });

  it('logs in a demo account and issues an ES256 JWT verifiable with the published JWKS', async () => {
    const r = await gql(LOGIN, { u: 'quanzhou.hr', p: DEMO_PASSWORD });
    expect(r.errors).toBeUndefined();
    const { accessToken, expiresIn, account } = r.data.login;
    expect(expiresIn).toBe(900);
    expect(account.roles).toEqual([{ role: 'CITY_HR', regionCode: '350500' }]);
    const jwks = (await (await fetch(svc.jwksUrl)).json()) as { keys: Array<Record<string, string>> };
    expect(jwks.keys[0]).not.toHaveProperty('d'); // never the private part
    const { payload } = await jwtVerify(accessToken, createLocalJWKSet(jwks), {
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    expect(payload.sub).toBe(account.id);
    expect(payload.grants).toEqual([{ role: 'CITY_HR', regionCode: '350500', orgCode: null }]);
    expect(decodeProtectedHeader(accessToken)).toMatchObject({ alg: 'ES256', kid: jwks.keys[0]!.kid });
  });

  it('refuses wrong passwords and unknown users alike, and locks after repeated failures', async () => {
    const unknown = await gql(LOGIN, { u: 'nobody', p: 'x' });
    expect(unknown.errors![0].extensions.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.errors![0].message).toBe('用户名或密码错误');
    for (let i = 0; i < 2; i++)
      expect((await gql(LOGIN, { u: 'nanan.hr', p: 'wrong' })).errors![0].extensions.code).toBe(
        'INVALID_CREDENTIALS',
      );
    const third = await gql(LOGIN, { u: 'nanan.hr', p: 'wrong' });
    expect(third.errors![0].extensions.code).toBe('ACCOUNT_LOCKED');
    expect(third.errors![0].message).toMatch(/15 分钟/);
    // even the right password is refused while locked
    expect((await gql(LOGIN, { u: 'nanan.hr', p: DEMO_PASSWORD })).errors![0].extensions.code).toBe(
      'ACCOUNT_LOCKED',
    );
    const actions = (
      await svc.prisma.auditLog.findMany({ where: { action: { in: ['login.failed', 'account.locked'] } } })
    ).map((a) => a.action);
    expect(actions.filter((a) => a === 'account.locked')).toHaveLength(1);
  });

  it('rotates refresh tokens; reusing a rotated one ends the whole session', async () => {
    const first = (await gql(LOGIN, { u: 'jinjiang.hr', p: DEMO_PASSWORD })).data.login;
    const second = (await gql(REFRESH, { t: first.refreshToken })).data.refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const reuse = await gql(REFRESH, { t: first.refreshToken });
    expect(reuse.errors![0].extensions.code).toBe('INVALID_TOKEN');
    // the legitimate newer token is revoked too
    expect((await gql(REFRESH, { t: second.refreshToken })).errors![0].extensions.code).toBe('INVALID_TOKEN');
  });

  it('logout revokes the refresh token', async () => {
    const s = (await gql(LOGIN, { u: 'liming.admin', p: DEMO_PASSWORD })).data.login;
    expect(
      (await gql('mutation($t: String!) { logout(refreshToken: $t) }', { t: s.refreshToken })).data.logout,
    ).toBe(true);
    expect((await gql(REFRESH, { t: s.refreshToken })).errors![0].extensions.code).toBe('INVALID_TOKEN');
  });

  describe('me and personal data', () => {
    const ME =
      '{ me { username displayName idNumber phone organisation { name } roles { role roleName regionName } } }';
    const claimsFor = async (username: string) => {
      const a = await svc.prisma.account.findUniqueOrThrow({ where: { username }, include: { roles: true } });
      return signClaims(
        {
          kind: 'user',
          id: a.id,
          grants: a.roles.map((r) => ({
            role: r.role as 'CANDIDATE',
            regionCode: r.regionCode,
            orgCode: r.orgCode,
          })),
        },
        SECRET,
      );
    };

    it('needs a signed principal: anonymous or forged claims get UNAUTHENTICATED', async () => {
      expect((await gql(ME)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
      const forged = await signClaims(
        { kind: 'user', id: 'x', grants: [] },
        'another-secret-that-is-32-characters-long',
      );
      expect((await gql(ME, undefined, forged)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('shows the holder their own account with ID number and phone masked', async () => {
      const r = await gql(ME, undefined, await claimsFor('candidate.demo'));
      expect(r.errors).toBeUndefined();
      expect(r.data.me.username).toBe('candidate.demo');
      expect(r.data.me.idNumber).toMatch(/^3505\*{10}\d{3}[\dX]$/);
      expect(r.data.me.phone).toBe('138****0000');
      const city = await gql(ME, undefined, await claimsFor('quanzhou.hr'));
      expect(city.data.me.roles).toEqual([{ role: 'CITY_HR', roleName: '市人社局', regionName: '泉州市' }]);
    });

    it('answers me the same through its keyed statements (row, roles) as through Prisma', async () => {
      const FIELDS = 'id username displayName status demo idNumber phone';
      const ROLES = 'roles { role roleName regionCode regionName orgCode }';
      for (const username of ['candidate.demo', 'quanzhou.hr', 'liming.admin']) {
        const claims = await claimsFor(username);
        // `organisation` is a relation that is not keyed: that request goes through Prisma
        const viaPrisma = await gql(`{ me { ${FIELDS} ${ROLES} organisation { name } } }`, undefined, claims);
        expect(viaPrisma.errors).toBeUndefined();
        const { organisation: _o, ...expected } = viaPrisma.data.me;
        const keyed = await gql(`{ me { ${FIELDS} ${ROLES} } }`, undefined, claims);
        expect(keyed.data.me).toEqual(expected);
        for (const field of FIELDS.split(' ')) {
          const one = await gql(`{ me { ... on Account { ${field} } } }`, undefined, claims);
          expect(one.errors, field).toBeUndefined();
          expect(one.data.me[field], field).toEqual(expected[field]);
        }
      }
    });

    it('unmasks the ID number only for its holder, with a reason, and audits every read', async () => {
      const q = '{ me { idNumberUnmasked(reason: "核对报名信息") } }';
      const before = await svc.prisma.auditLog.count({ where: { action: 'pii.id_number.read' } });
      const r = await gql(q, undefined, await claimsFor('candidate.demo'));
      expect(r.data.me.idNumberUnmasked).toMatch(/^35058220050312123[\dX]$/);
      const log = await svc.prisma.auditLog.findMany({
        where: { action: 'pii.id_number.read' },
        orderBy: { at: 'desc' },
      });
      expect(log).toHaveLength(before + 1);
      expect(log[0]).toMatchObject({ reason: '核对报名信息' });
    });
  });
  describe('Actor entities (办理人), as other subgraphs reference them', () => {
    const ENTITIES =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Actor { id displayName organisationName } } }';
    type Actor = { id: string; displayName: string | null; organisationName: string | null } | null;
    const signedIn = () =>
      signClaims(
        {
          kind: 'user',
          id: demoAccountId('quanzhou.hr'),
          grants: [{ role: 'CITY_HR', regionCode: '350500', orgCode: null }],
        },
        SECRET,
      );

    it('seeds the demo accounts with their fixed ids, and seeding again changes nothing', async () => {
      const accounts = await svc.prisma.account.findMany({ where: { demo: true } });
      expect(accounts).toHaveLength(DEMO_ACCOUNTS.length);
      for (const a of accounts) expect(a.id).toBe(demoAccountId(a.username));
      expect(await seedDemo(svc.prisma)).toBe(0);
    });

    it('resolves 100 references in one _entities call with one SQL query; an unknown id is null', async () => {
      const ids: string[] = Object.values(DEMO_ACCOUNT_IDS);
      const unknown = '0b5e7c1a-3f4d-4e2b-9a6c-8d7e6f5a4b3c';
      const representations = Array.from({ length: 100 }, (_, i) => ({
        __typename: 'Actor',
        id: i === 50 ? unknown : ids[i % ids.length],
      }));
      const claims = await signedIn();
      sql.length = 0;
      const r = await gql(ENTITIES, { r: representations }, claims);
      expect(r.errors).toBeUndefined();
      expect(sql).toHaveLength(1);
      const actors = r.data._entities as Actor[];
      expect(actors).toHaveLength(100);
      expect(actors[50]).toBeNull();
      const known = actors.filter((a, i) => i !== 50);
      expect(known.map((a) => a!.id)).toEqual(representations.filter((_, i) => i !== 50).map((x) => x.id));
      expect(known.every((a) => a!.displayName)).toBe(true);
      expect(actors[ids.indexOf(demoAccountId('quanzhou.hr'))]).toEqual({
        id: demoAccountId('quanzhou.hr'),
        displayName: '泉州市人社局鉴定指导中心（演示）',
        organisationName: '泉州市人力资源和社会保障局',
      });
      expect(actors[ids.indexOf(demoAccountId('candidate.demo'))]!.organisationName).toBeNull();
    });

    it('shows names to signed-in callers only: anonymous callers get the reference with null names', async () => {
      const id = demoAccountId('shishi.hr');
      const r = await gql(ENTITIES, { r: [{ __typename: 'Actor', id }] });
      expect(r.errors).toBeUndefined();
      expect(r.data._entities).toEqual([{ id, displayName: null, organisationName: null }]);
    });
  });
});
