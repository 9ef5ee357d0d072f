import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

describe('openDatabase', () => {
  it('uses DATABASE_URL as given when it is set', async () => {
    const db = await openDatabase({ service: 'x', databaseUrl: 'postgresql://u@h:5432/d', dataDir: '/nonexistent' });
    expect(db).toMatchObject({ kind: 'postgres', url: 'postgresql://u@h:5432/d' });
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
