// Keyed reads give what Prisma gives (UTC timestamps and dates, int8 as BigInt, arrays), select only the columns
// a selection reads (the whole row when it cannot tell), and report every statement to onQuery.
import { graphql, GraphQLID, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachSql, childRows, keyedTable, queryIs, sqlOf, type Sql } from './keyed.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './testing.js';

// pg reads `timestamp` in local time by default: a zone away from UTC shows whether the reads keep Prisma's UTC
process.env.TZ = 'Asia/Shanghai';
const kinds = await testDatabaseKinds();

interface Thing {
  id: string;
  name: string;
  at: Date;
  day: Date;
  n: bigint;
  tags: number[];
  secret: string;
}

const things = keyedTable<Thing>({
  table: 'Thing',
  key: 'id',
  fields: { id: ['id'], name: ['name'], at: ['at'], label: ['name', 'day'] },
});
const partsOf = childRows<{ thingId: string; pos: number }>({
  table: 'Part',
  parentKey: 'thingId',
  orderBy: 'pos',
});

describe.each(kinds)('keyed reads on %s', (kind) => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let sql: Sql;
  const statements: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase(kind, 'keyed');
    // PGlite serves one connection at a time (openPrisma's pool does the same)
    pool = new pg.Pool({ connectionString: db.url, max: 1 });
    await pool.query(`create table "Thing" (id text primary key, name text not null, at timestamp(3) not null,
      day date not null, n int8 not null, tags int[] not null, secret text not null)`);
    await pool.query(`create table "Part" ("thingId" text not null, pos int not null)`);
    await pool.query(`insert into "Thing" values ('a', 'A', '2026-01-02 03:04:05.678', '2026-01-02', 9007199254740993, '{5,3}', 's'),
      ('b', 'B', '2026-06-30 23:59:59.000', '2026-06-30', 1, '{}', 't')`);
    await pool.query(`insert into "Part" values ('a', 2), ('a', 1), ('b', 1)`);
    const client = {};
    attachSql(client, pool, 'public', (q) => statements.push(q));
    sql = sqlOf(client);
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('a second connection (another pool, or the pool’s next one) runs the same statements', async () => {
    // on PGlite every connection shares one session: a statement prepared under a name on one "already exists"
    // on the next (the catalogue's _entities failed that way under npm start)
    await things.one(sql, 'a');
    const other = new pg.Pool({ connectionString: db.url, max: 1 });
    try {
      const client = {};
      attachSql(client, other, 'public');
      expect((await things.one(sqlOf(client), 'a'))?.name).toBe('A');
      expect((await things.many(sqlOf(client), ['b']))[0]?.name).toBe('B');
    } finally {
      await other.end();
    }
    await pool.query('select 1'); // the first pool's connection still works
    expect((await things.one(sql, 'b'))?.name).toBe('B');
  });

  it('reads a row as Prisma would: UTC timestamps and dates, int8 as BigInt, arrays', async () => {
    const a = await things.one(sql, 'a');
    expect(a).toEqual({
      id: 'a',
      name: 'A',
      at: new Date('2026-01-02T03:04:05.678Z'),
      day: new Date('2026-01-02T00:00:00.000Z'),
      n: 9007199254740993n,
      tags: [5, 3],
      secret: 's',
    });
    expect(await things.one(sql, 'nope')).toBeNull();
  });

  it('reads an _entities batch in one statement, in the order of the keys, null where none', async () => {
    statements.length = 0;
    const rows = await things.many(sql, ['b', 'x', 'a', 'b']);
    expect(rows.map((r) => r?.id ?? null)).toEqual(['b', null, 'a', 'b']);
    expect(statements).toEqual(['select * from "public"."Thing" where "id" = any($1)']);
  });

  it('selects only the columns a GraphQL selection reads, and the whole row for a field it does not know', async () => {
    const Thing = new GraphQLObjectType<Thing>({
      name: 'Thing',
      fields: {
        id: { type: GraphQLID },
        name: { type: GraphQLString },
        at: { type: GraphQLString, resolve: (t) => t.at.toISOString() },
        label: { type: GraphQLString, resolve: (t) => `${t.name} ${t.day.toISOString().slice(0, 10)}` },
        secret: { type: GraphQLString },
        parts: { type: new GraphQLList(GraphQLString), resolve: () => [] },
      },
    });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          thing: {
            type: Thing,
            args: { id: { type: GraphQLID } },
            resolve: (_r, a, _c, info) => things.one(sql, a.id, info),
          },
        },
      }),
    });
    const ask = async (source: string) => {
      statements.length = 0;
      const r = await graphql({ schema, source });
      expect(r.errors).toBeUndefined();
      return { data: r.data!.thing, statement: statements[0] };
    };
    expect(await ask('{ thing(id: "a") { name } }')).toEqual({
      data: { name: 'A' },
      statement: 'select "id", "name" from "public"."Thing" where "id" = $1',
    });
    expect(
      await ask('{ thing(id: "a") { __typename ... on Thing { label } ...F } } fragment F on Thing { at }'),
    ).toEqual({
      data: { __typename: 'Thing', label: 'A 2026-01-02', at: '2026-01-02T03:04:05.678Z' },
      statement: 'select "at", "day", "id", "name" from "public"."Thing" where "id" = $1',
    });
    expect((await ask('{ thing(id: "a") { name secret } }')).statement).toBe(
      'select * from "public"."Thing" where "id" = $1',
    );
  });

  it("reads a parent's children in the relation's order", async () => {
    expect((await partsOf(sql, 'a')).map((p) => p.pos)).toEqual([1, 2]);
    expect(await partsOf(sql, 'none')).toEqual([]);
  });
});

describe('queryIs', () => {
  it('is deep equality of Pothos query objects', () => {
    expect(queryIs({}, {})).toBe(true);
    expect(
      queryIs(
        { include: { scope: { orderBy: { code: 'asc' } } } },
        { include: { scope: { orderBy: { code: 'asc' } } } },
      ),
    ).toBe(true);
    expect(queryIs({ include: { scope: true, institution: true } }, { include: { scope: true } })).toBe(
      false,
    );
    expect(
      queryIs(
        { include: { scope: { orderBy: { code: 'desc' } } } },
        { include: { scope: { orderBy: { code: 'asc' } } } },
      ),
    ).toBe(false);
  });
});
