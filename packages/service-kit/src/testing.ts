// Test databases: every test run gets its own fresh database — in-memory PGlite, and a new database on the
// real PostgreSQL server (TEST_POSTGRES_URL, default 127.0.0.1:5432) when it is reachable. Under CI the server
// must be reachable: a silently skipped PostgreSQL run would hide failures.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startPglite } from './database.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface TestDatabase {
  kind: DatabaseKind;
  url: string;
  drop(): Promise<void>;
}

const adminUrl = () => process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The database kinds this run tests against. */
export async function testDatabaseKinds(): Promise<DatabaseKind[]> {
  if (await postgresReachable()) return ['pglite', 'postgres'];
  if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${adminUrl()} (required under CI)`);
  console.warn(`[tests] PostgreSQL not reachable at ${adminUrl()}; running against PGlite only`);
  return ['pglite'];
}

export async function createTestDatabase(kind: DatabaseKind, prefix: string): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await startPglite();
    return { kind, url: db.url, drop: () => db.close() };
  }
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}
