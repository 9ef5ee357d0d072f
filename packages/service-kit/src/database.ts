// One code path for both databases: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite served on a
// loopback socket so Prisma (via @prisma/adapter-pg) and migrations see an ordinary PostgreSQL server.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';

export interface Database {
  /** connection URL; on PostgreSQL its search_path is the service's schema */
  url: string;
  kind: 'postgres' | 'pglite';
  /** the PostgreSQL schema holding this service's tables (give it to the Prisma adapter) */
  schema: string;
  close(): Promise<void>;
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, host, () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => ok(port));
    });
  });
}

/**
 * URLs of the PGlite servers this process started. pglite-socket runs one transaction at a time but, outside a
 * transaction, interleaves the extended-protocol messages (parse, bind, execute) of concurrent connections, which
 * fails statements ("bind message supplies 2 parameters", "portal does not exist"): clients of PGlite use a
 * single connection (see openPrisma).
 */
const pgliteUrls = new Set<string>();
export const isPgliteUrl = (url: string) => pgliteUrls.has(url);

/** Starts PGlite on a loopback port. `dataDir` undefined keeps it in memory (tests). */
export async function startPglite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(resolve(dataDir), { recursive: true });
  const db = await PGlite.create(dataDir ? resolve(dataDir) : undefined);
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 32 });
  await server.start();
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  pgliteUrls.add(url);
  return {
    url,
    kind: 'pglite',
    schema: 'public',
    async close() {
      pgliteUrls.delete(url);
      await server.stop();
      await db.close();
    },
  };
}

export interface OpenDatabaseOptions {
  service: string;
  databaseUrl?: string | undefined;
  dataDir: string;
  /** PostgreSQL schema for this service; defaults to the service name */
  schema?: string | undefined;
}

/**
 * PostgreSQL: every service keeps its tables (and its _prisma_migrations) in a schema of its own, named after the
 * service, so services can share one database without sharing tables. PGlite: a data directory per service.
 */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (!opts.databaseUrl) return startPglite(join(opts.dataDir, opts.service));
  const schema = opts.schema ?? opts.service;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    await client.query(`create schema if not exists "${schema}"`);
  } finally {
    await client.end();
  }
  const url = new URL(opts.databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), kind: 'postgres', schema, close: async () => {} };
}
