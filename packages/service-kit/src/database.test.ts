import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { createTestDatabase, testDatabaseKinds } from './testing.js';

const kinds = await testDatabaseKinds();

describe('openDatabase', () => {
  it.runIf(kinds.includes('postgres'))('on PostgreSQL, gives each service a schema of its own', async () => {
    const server = await createTestDatabase('postgres', 'schemas');
    try {
      const a = await openDatabase({ service: 'svc_a', databaseUrl: server.url, dataDir: '/nonexistent' });
      const b = await openDatabase({ service: 'svc_b', databaseUrl: server.url, dataDir: '/nonexistent' });
      expect(a).toMatchObject({ kind: 'postgres', schema: 'svc_a' });
      for (const [db, value] of [
        [a, 'a'],
        [b, 'b'],
      ] as const) {
        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        await c.query('create table t (v text)'); // same table name, different schemas
        await c.query('insert into t values ($1)', [value]);
        await c.end();
      }
      const c = new pg.Client({ connectionString: a.url });
      await c.connect();
      expect((await c.query('select v from t')).rows).toEqual([{ v: 'a' }]);
      expect((await c.query('select v from svc_b.t')).rows).toEqual([{ v: 'b' }]);
      await c.end();
      await expect(
        openDatabase({ service: 'x', schema: 'bad"name', databaseUrl: server.url, dataDir: '' }),
      ).rejects.toThrow(/invalid schema/);
    } finally {
      await server.drop();
    }
  });
  it('otherwise serves a PGlite data dir per service that keeps its data across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pglite-'));
    const write = await openDatabase({ service: 'svc', dataDir: dir });
    expect(write.kind).toBe('pglite');
    const c1 = new pg.Client({ connectionString: write.url });
    await c1.connect();
    await c1.query('create table t (v text)');
    await c1.query("insert into t values ('泉州')");
    await c1.end();
    await write.close();
    const read = await openDatabase({ service: 'svc', dataDir: dir });
    const c2 = new pg.Client({ connectionString: read.url });
    await c2.connect();
    expect((await c2.query('select v from t')).rows).toEqual([{ v: '泉州' }]);
    await c2.end();
    await read.close();
  });
});
