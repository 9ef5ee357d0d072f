// One code path for both databases: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite served on a
// loopback socket so Prisma (via @prisma/adapter-pg) and migrations see an ordinary PostgreSQL server.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface Database {
  url: string;
  kind: 'postgres' | 'pglite';
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

/** Starts PGlite on a loopback port. `dataDir` undefined keeps it in memory (tests). */
export async function startPglite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(resolve(dataDir), { recursive: true });
  const db = await PGlite.create(dataDir ? resolve(dataDir) : undefined);
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 32 });
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    kind: 'pglite',
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

export interface OpenDatabaseOptions {
  service: string;
  databaseUrl?: string | undefined;
  dataDir: string;
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return { url: opts.databaseUrl, kind: 'postgres', close: async () => {} };
  return startPglite(join(opts.dataDir, opts.service));
}
