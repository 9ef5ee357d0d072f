import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextNumber, type RawQueryClient } from './counters.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './testing.js';

const kinds = await testDatabaseKinds();

describe.each(kinds)('nextNumber on %s', (kind) => {
  let db: TestDatabase;
  let pool: pg.Pool;

  /** A transaction on its own connection, as Prisma runs one; `fail` rolls it back after taking a number. */
  async function inTransaction(scope: string, fail = false): Promise<number> {
    const client = await pool.connect();
    const tx: RawQueryClient = {
      $queryRawUnsafe: async <T>(sql: string, ...values: unknown[]) =>
        (await client.query(sql, values)).rows as T,
    };
    try {
      await client.query('begin');
      const n = await nextNumber(tx, scope);
      await new Promise((r) => setTimeout(r, 2)); // hold the row a moment, as a real command does
      if (fail) throw new Error('rolled back');
      await client.query('commit');
      return n;
    } catch (e) {
      await client.query('rollback');
      throw e;
    } finally {
      client.release();
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase(kind, 'counters');
    pool = new pg.Pool({ connectionString: db.url, max: 10 });
    await pool.query('create table "Counter" ("scope" text primary key, "value" integer not null)');
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('gives 50 concurrent transactions 50 distinct numbers with no gap, per scope', async () => {
    const got = await Promise.all([
      ...Array.from({ length: 50 }, () => inTransaction('city:350500:2026')),
      ...Array.from({ length: 5 }, () => inTransaction('city:350100:2026')),
    ]);
    expect(got.slice(0, 50).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(got.slice(50).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a transaction that rolls back gives its number back', async () => {
    await expect(inTransaction('rollback', true)).rejects.toThrow('rolled back');
    expect(await inTransaction('rollback')).toBe(1);
    const mixed = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => inTransaction('rollback', i % 3 === 0)),
    );
    const kept = mixed.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(kept.sort((a, b) => a - b)).toEqual(Array.from({ length: kept.length }, (_, i) => i + 2));
  });

  it('refuses a table name it would have to quote', async () => {
    const tx: RawQueryClient = { $queryRawUnsafe: <T>() => Promise.resolve([] as T) };
    await expect(nextNumber(tx, 'x', 'Counter"; drop table x; --')).rejects.toThrow(/invalid counter table/);
  });
});
