// The catalogue subgraph as a client sees it: real HTTP, real database — in-memory PGlite and a fresh database
// on the PostgreSQL server — with migrations and the shipped catalogue applied by the normal start-up path.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@skills/domain';
import { ANONYMOUS, CLAIMS_HEADER, pendingSchemaChange, signClaims } from '@skills/service-kit';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '@skills/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { migrationPaths, startCatalogue, type CatalogueService } from './server.js';

const SECRET = 'catalogue-test-claims-secret-0123456789';
/** Subgraphs serve only signed requests: what the gateway sends for a caller who is not signed in. */
const anonymous = await signClaims(ANONYMOUS, SECRET, 3600);
// What the gateway would forward for a province catalogue admin, and for a city officer (no import rights).
const ADMIN = await signClaims(
  { kind: 'user', id: 'admin-1', grants: [{ role: Role.PROVINCE_CATALOGUE_ADMIN, regionCode: '350000' }] },
  SECRET,
  600,
);
const CITY = await signClaims(
  { kind: 'user', id: 'city-1', grants: [{ role: Role.CITY_HR, regionCode: '350500' }] },
  SECRET,
  600,
);
const kinds = await testDatabaseKinds();

interface GqlResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

describe.each(kinds)('catalogue subgraph on %s', (kind) => {
  let db: TestDatabase | undefined;
  let svc: CatalogueService;
  const sql: string[] = [];
  const gql = async <T = Record<string, unknown>>(query: string, variables?: object, token?: string) => {
    const res = await fetch(svc.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLAIMS_HEADER]: token ?? anonymous },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResponse<T>;
  };

  beforeAll(async () => {
    // PGlite the way `npm start` uses it (a data dir, no DATABASE_URL); PostgreSQL through DATABASE_URL.
    const database =
      kind === 'pglite'
        ? { DATA_DIR: mkdtempSync(join(tmpdir(), 'catalogue-')) }
        : { DATABASE_URL: (db = await createTestDatabase(kind, 'catalogue')).url };
    svc = await startCatalogue(
      readConfig({ ...database, PORT: '0', CLAIMS_SECRET: SECRET, LOG_LEVEL: 'silent', NODE_ENV: 'test' }),
      { onQuery: (q) => sql.push(q) },
    );
  });
  afterAll(async () => {
    await svc?.close();
    await db?.drop();
  });

  it('seeds the shipped catalogue and looks up 电工 by code', async () => {
    const r = await gql<{
      occupation: {
        code: string;
        name: string;
        skillType: boolean;
        levels: string[];
        majors: { code: string }[];
      };
    }>('{ occupation(code: "6-31-01-03") { code name skillType levels majors { code } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data!.occupation).toMatchObject({ code: '6-31-01-03', name: '电工', skillType: true });
    expect(r.data!.occupation.levels).toContain('LEVEL_3');
    expect(r.data!.occupation.majors.length).toBeGreaterThan(0);
  });

  it('gives a typed error with a Chinese message for a malformed or unknown code', async () => {
    const bad = await gql('{ occupation(code: "6-31-01") { name } }');
    expect(bad.data).toEqual({ occupation: null });
    expect(bad.errors![0]!.extensions!.code).toBe('INVALID_OCCUPATION_CODE');
    expect(bad.errors![0]!.message).toMatch(/职业编码格式不正确/);
    const unknown = await gql('{ occupation(code: "6-99-99-99") { name } }');
    expect(unknown.errors![0]!.extensions!.code).toBe('OCCUPATION_NOT_FOUND');
    expect(unknown.errors![0]!.message).toContain('6-99-99-99');
  });

  const names = async (args: string) => {
    const r = await gql<{
      occupations: { totalCount: number; edges: { node: { code: string; name: string } }[] };
    }>(`{ occupations(${args}) { totalCount edges { node { code name } } } }`);
    expect(r.errors).toBeUndefined();
    return r.data!.occupations;
  };

  it('searches by Chinese name, pinyin initials and code prefix', async () => {
    expect((await names('search: "电工", first: 50')).edges.map((e) => e.node.name)).toContain('电工');
    expect((await names('search: "dg", first: 50')).edges.map((e) => e.node.name)).toContain('电工');
    expect((await names('search: "DianGong", first: 50')).edges.map((e) => e.node.name)).toContain('电工');
    const prefix = await names('search: "6-31", first: 50');
    expect(prefix.totalCount).toBeGreaterThan(0);
    expect(prefix.edges.every((e) => e.node.code.startsWith('6-31'))).toBe(true);
    expect((await names('search: "不存在的职业"')).totalCount).toBe(0);
  });

  it('filters by category, level and source', async () => {
    const cat4 = await names('category: 4, first: 100');
    expect(cat4.totalCount).toBeGreaterThan(0);
    expect(cat4.edges.every((e) => e.node.code.startsWith('4-'))).toBe(true);
    const notSkill = await names('skillType: false, first: 100');
    expect(notSkill.edges.every((e) => e.node.code.startsWith('2-'))).toBe(true);
    const all = await names('first: 1');
    const dadian = await names('source: DADIAN_2022, first: 1');
    expect(dadian.totalCount).toBe(all.totalCount);
    const level1 = await names('level: LEVEL_1, first: 1');
    expect(level1.totalCount).toBeLessThanOrEqual(all.totalCount);
    const bad = await gql('{ occupations(category: 9) { totalCount } }');
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('takes a list of codes, so a caller asks for many occupations in one field (not one alias each)', async () => {
    const some = await names('codes: ["6-31-01-03", "6-18-01-01", "9-99-99-99"], first: 100');
    expect(some.edges.map((e) => e.node.code).sort()).toEqual(['6-18-01-01', '6-31-01-03']);
    const projects = await gql<{ specialAbilityProjects: { edges: { node: { code: string } }[] } }>(
      '{ specialAbilityProjects(codes: ["FJZX-0001"], first: 10) { edges { node { code } } } }',
    );
    expect(projects.data!.specialAbilityProjects.edges.map((e) => e.node.code)).toEqual(['FJZX-0001']);
    const tooMany = JSON.stringify(Array.from({ length: 101 }, (_, i) => `6-31-01-${i}`));
    const bad = await gql(`{ occupations(codes: ${tooMany}) { totalCount } }`);
    expect(bad.errors![0]).toMatchObject({
      message: '一次最多查询 100 个职业编码',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
  it('pages with Relay cursors without gaps or repeats', async () => {
    type Page = {
      occupations: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { code: string } }[];
      };
    };
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 50; i++) {
      const r: GqlResponse<Page> = await gql<Page>(
        'query($after: String) { occupations(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }',
        { after },
      );
      total = r.data!.occupations.totalCount;
      seen.push(...r.data!.occupations.edges.map((e) => e.node.code));
      if (!r.data!.occupations.pageInfo.hasNextPage) break;
      after = r.data!.occupations.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThanOrEqual(60);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort()).toEqual(seen);
  });

  it('lists majors with their occupations and reports statistics', async () => {
    const r = await gql<{
      majors: { totalCount: number; edges: { node: { code: string; occupations: { code: string }[] } }[] };
      catalogueStats: {
        occupations: number;
        specialAbilityProjects: number;
        byCategory: { category: number; name: string; count: number }[];
      };
    }>(
      '{ majors(first: 5) { totalCount edges { node { code occupations { code } } } } catalogueStats { occupations specialAbilityProjects byCategory { category name count } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.majors.totalCount).toBeGreaterThanOrEqual(25);
    expect(r.data!.majors.edges.every((e) => e.node.occupations.length > 0)).toBe(true);
    expect(r.data!.catalogueStats.specialAbilityProjects).toBeGreaterThanOrEqual(12);
    const sum = r.data!.catalogueStats.byCategory.reduce((a, c) => a + c.count, 0);
    expect(sum).toBe(r.data!.catalogueStats.occupations);
  });

  it('resolves a federated batch of 100 occupation references with one SQL query', async () => {
    const codes = (
      await svc.prisma.occupation.findMany({ select: { code: true }, orderBy: { code: 'asc' }, take: 100 })
    ).map((o) => o.code);
    expect(codes).toHaveLength(100);
    const representations = [...codes.slice(0, 60), ...codes.slice(0, 40)].map((code) => ({
      __typename: 'Occupation',
      code,
    }));
    sql.length = 0;
    const r = await gql<{ _entities: Array<{ code: string; name: string }> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Occupation { code name } } }',
      { r: representations },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities.map((e) => e.code)).toEqual(representations.map((x) => x.code));
    expect(r.data!._entities.every((e) => e.name)).toBe(true);
    expect(sql.filter((q) => /from "\w+"\."Occupation"/i.test(q))).toHaveLength(1);
  });

  it('answers occupation(code) the same through its keyed statement, field by field, as through Prisma', async () => {
    const FIELDS = 'code name category categoryName skillType levels standard sources verified note version updatedAt';
    // with `majors` the lookup goes through Prisma (a relation); without, through one prepared statement
    const viaPrisma = await gql<{ occupation: Record<string, unknown> }>(
      `{ occupation(code: "6-31-01-03") { ${FIELDS} majors { code } } }`,
    );
    expect(viaPrisma.errors).toBeUndefined();
    const { majors: _majors, ...expected } = viaPrisma.data!.occupation;
    sql.length = 0;
    const whole = await gql<{ occupation: Record<string, unknown> }>(`{ occupation(code: "6-31-01-03") { ${FIELDS} } }`);
    expect(whole.data!.occupation).toEqual(expected);
    expect(sql).toHaveLength(1);
    expect(sql[0]).toMatch(/^select .* from "\w+"\."Occupation" where "code" = \$1$/);
    for (const field of FIELDS.split(' ')) {
      const one = await gql<{ occupation: Record<string, unknown> }>(
        `query($c: String!) { occupation(code: $c) { ... on Occupation { ${field} } } }`,
        { c: '6-31-01-03' },
      );
      expect(one.errors, field).toBeUndefined();
      expect(one.data!.occupation[field], field).toEqual(expected[field]);
    }
  });

  describe('importCatalogue', () => {
    const IMPORT = `mutation($input: ImportCatalogueInput!) { importCatalogue(input: $input) {
      status totalRows validRows created updated unchanged importId errors { row key field errorCode message } } }`;
    type Report = {
      importCatalogue: {
        status: string;
        totalRows: number;
        validRows: number;
        created: number;
        updated: number;
        unchanged: number;
        importId: string | null;
        errors: {
          row: number;
          key: string | null;
          field: string | null;
          errorCode: string;
          message: string;
        }[];
      };
    };
    const header = 'code,name,category,skill_type,levels,standard,sources,verified,note';
    const mixed = [
      header,
      '6-99-01-01,测试新职业,6,true,5|4,,,false,test',
      '6-31-01-03,电工（已改名）,6,true,5|4|3|2|1,,,true,',
      '6-99-01,坏编码,6,true,5,,,false,',
      '4-99-01-01,大类不符,6,true,5,,,false,',
    ].join('\n');
    const input = (over: object = {}) => ({
      input: {
        kind: 'OCCUPATIONS',
        format: 'CSV',
        content: mixed,
        version: 'test-1',
        source: 'DADIAN_2022',
        ...over,
      },
    });

    it('refuses callers without the province catalogue admin role', async () => {
      const anon = await gql<Report>(IMPORT, input());
      expect(anon.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      expect(anon.errors![0]!.message).toBe('请先登录');
      const forged = await signClaims(
        { kind: 'user', id: 'x', grants: [{ role: Role.PROVINCE_CATALOGUE_ADMIN, regionCode: '350000' }] },
        'not-the-secret-but-32-characters-long!!',
      );
      expect((await gql<Report>(IMPORT, input(), forged)).errors![0]!.extensions!.code).toBe(
        'UNAUTHENTICATED',
      );
      const city = await gql<Report>(IMPORT, input(), CITY);
      expect(city.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(city.errors![0]!.message).toBe('无权执行此操作');
    });

    it('all-or-nothing: reports each bad row and changes nothing', async () => {
      const before = await svc.prisma.occupation.count();
      const r = await gql<Report>(IMPORT, input(), ADMIN);
      expect(r.errors).toBeUndefined();
      const rep = r.data!.importCatalogue;
      expect(rep).toMatchObject({
        status: 'REJECTED',
        totalRows: 4,
        validRows: 2,
        created: 0,
        updated: 0,
        importId: null,
      });
      expect(rep.errors.map((e) => [e.row, e.key, e.field])).toEqual([
        [3, '6-99-01', 'code'],
        [4, '4-99-01-01', 'category'],
      ]);
      expect(await svc.prisma.occupation.count()).toBe(before);
      expect((await svc.prisma.occupation.findUnique({ where: { code: '6-31-01-03' } }))!.name).toBe('电工');
      expect(await svc.prisma.occupation.findUnique({ where: { code: '6-99-01-01' } })).toBeNull();
    });

    it('skip-invalid-rows applies the valid rows; the same file again changes nothing', async () => {
      const first = (await gql<Report>(IMPORT, input({ mode: 'SKIP_INVALID_ROWS' }), ADMIN)).data!
        .importCatalogue;
      expect(first).toMatchObject({ status: 'APPLIED', created: 1, updated: 1, unchanged: 0 });
      expect(first.errors).toHaveLength(2);
      expect(first.importId).toBeTruthy();
      const created = await svc.prisma.occupation.findUnique({ where: { code: '6-99-01-01' } });
      expect(created).toMatchObject({
        name: '测试新职业',
        pinyinInitials: 'csxzy',
        version: 'test-1',
        levels: [5, 4],
      });
      const again = (await gql<Report>(IMPORT, input({ mode: 'SKIP_INVALID_ROWS' }), ADMIN)).data!
        .importCatalogue;
      expect(again).toMatchObject({
        status: 'UNCHANGED',
        created: 0,
        updated: 0,
        unchanged: 2,
        importId: null,
      });
      expect(await svc.prisma.catalogueImport.count({ where: { version: 'test-1' } })).toBe(1);
      // restore the shipped name so other tests see the real catalogue
      await svc.prisma.occupation.update({ where: { code: '6-31-01-03' }, data: { name: '电工' } });
      await svc.prisma.occupation.delete({ where: { code: '6-99-01-01' } });
    });

    it('rejects a majors row that names an occupation the catalogue does not have', async () => {
      const content = JSON.stringify([
        { code: '460399', name: '测试专业', educationLevel: 'HIGHER', occupations: ['6-31-01-03'] },
        { code: '460398', name: '坏对接', educationLevel: 'HIGHER', occupations: ['6-98-98-98'] },
      ]);
      const r = (
        await gql<Report>(
          IMPORT,
          { input: { kind: 'MAJORS', format: 'JSON', content, version: 'test-2' } },
          ADMIN,
        )
      ).data!.importCatalogue;
      expect(r.status).toBe('REJECTED');
      expect(r.errors).toEqual([
        expect.objectContaining({ row: 2, errorCode: 'OCCUPATION_NOT_FOUND', field: 'occupations' }),
      ]);
      expect(await svc.prisma.major.findUnique({ where: { code: '460399' } })).toBeNull();
    });

    it('rejects an unreadable file as a whole with a typed error', async () => {
      const r = await gql<Report>(
        IMPORT,
        { input: { kind: 'OCCUPATIONS', format: 'JSON', content: '{not json', version: 'x' } },
        ADMIN,
      );
      expect(r.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.message).toMatch(/JSON 文件无法解析/);
    });
  });
});

describe('migrations', () => {
  it('schema.prisma has no change without a migration', async () => {
    const db = await createTestDatabase('pglite', 'migrations');
    try {
      expect(await pendingSchemaChange(migrationPaths, { url: db.url, schema: 'public' })).toBeNull();
    } finally {
      await db.drop();
    }
  });
  it('ships at least 60 skill-type occupations and the 专项 examples, each with a source', () => {
    const csv = readFileSync(new URL('../data/occupations.csv', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    expect(csv.filter((l) => l.split(',')[3] === 'true').length).toBeGreaterThanOrEqual(60);
    const projects = readFileSync(new URL('../data/special-abilities.csv', import.meta.url), 'utf8');
    for (const name of ['德化陶瓷', '铁观音', '茶叶审评', '石雕']) expect(projects).toContain(name);
  });
});
