// Test databases: every test run gets its own fresh database — in-memory PGlite, and a new database on the
// real PostgreSQL server (TEST_POSTGRES_URL, default 127.0.0.1:5432) when it is reachable. Under CI the server
// must be reachable: a silently skipped PostgreSQL run would hide failures.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { freePort, startPglite } from './database.js';

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
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
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
      // a pool that was just ended may still be closing its connections: forcing the drop then kills them
      // mid-close, and the client reports that FATAL as an unhandled error. Give them a moment to go first.
      for (let i = 0; i < 40; i++) {
        const { rows } = await c.query<{ n: number }>(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [name],
        );
        if (!rows[0]?.n) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

/**
 * Built services started as their own processes, as in production: on PGlite in a fresh data dir, or on
 * PostgreSQL when `databaseUrl` is given (each service then uses its own schema).
 */
export class ServiceProcesses {
  readonly children: ChildProcess[] = [];

  /** Starts the package's dist/server.js; resolves with its GraphQL URL once /ready answers. */
  async start(pkg: string, env: Record<string, string>, databaseUrl?: string): Promise<string> {
    const require = createRequire(join(process.cwd(), 'package.json'));
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/server.js'], {
      cwd: dirname(require.resolve(`${pkg}/package.json`)),
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'svc-')),
        DATABASE_URL: databaseUrl ?? '',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'test',
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.children.push(child);
    const ready = `http://127.0.0.1:${port}/ready`;
    for (let i = 0; i < 480; i++) {
      if (child.exitCode !== null) throw new Error(`${pkg} exited with code ${child.exitCode}`);
      try {
        if ((await fetch(ready)).ok) return `http://127.0.0.1:${port}/graphql`;
      } catch {
        /* starting */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${pkg} did not become ready`);
  }

  stop() {
    for (const c of this.children) if (c.exitCode === null) c.kill('SIGTERM');
  }
}

/** The Redis tests use (TEST_REDIS_URL, default the local one), or null when none answers; under CI it must answer. */
export async function testRedisUrl(): Promise<string | null> {
  const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const { Redis } = await import('ioredis');
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => {});
  try {
    await r.connect();
    if ((await r.ping()) === 'PONG') return url;
  } catch {
    // fall through
  } finally {
    r.disconnect();
  }
  if (process.env.CI) throw new Error(`Redis is not reachable at ${url} (required under CI)`);
  return null;
}
