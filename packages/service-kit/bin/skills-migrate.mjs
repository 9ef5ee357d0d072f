#!/usr/bin/env node
// skills-migrate — Prisma migrations through the WASM schema engine (no native engine download needed).
//   skills-migrate create <name>   write prisma/migrations/<stamp>_<name>/ for the pending schema change
//   skills-migrate deploy          apply pending migrations to DATABASE_URL (or the service's PGlite dir)
//   skills-migrate check           exit 1 if schema.prisma has a change without a migration
// Run from a service folder (where prisma/schema.prisma lives).
import { basename, resolve } from 'node:path';
import {
  applyMigrations,
  createMigration,
  openDatabase,
  pendingSchemaChange,
  startPglite,
} from '../dist/index.js';

const [cmd, name] = process.argv.slice(2);
const paths = { schemaPath: resolve('prisma/schema.prisma'), migrationsDir: resolve('prisma/migrations') };

async function main() {
  if (cmd === 'create' || cmd === 'check') {
    // Diffing needs no data, but the engine wants a connection: a throwaway in-memory PGlite.
    const db = await startPglite();
    try {
      if (cmd === 'check') {
        const sql = await pendingSchemaChange(paths, db);
        if (sql) {
          console.error('schema.prisma has changes without a migration:\n' + sql);
          process.exitCode = 1;
        } else console.log('migrations are up to date with schema.prisma');
        return;
      }
      if (!name) throw new Error('usage: skills-migrate create <name>');
      const dir = await createMigration(paths, name, db);
      console.log(dir ? `created prisma/migrations/${dir}` : 'schema unchanged; no migration created');
    } finally {
      await db.close();
    }
    return;
  }
  if (cmd === 'deploy') {
    const db = await openDatabase({
      service: basename(process.cwd()),
      databaseUrl: process.env.DATABASE_URL,
      dataDir: process.env.DATA_DIR ?? resolve('../../.data'),
    });
    try {
      const applied = await applyMigrations(paths, db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
    } finally {
      await db.close();
    }
    return;
  }
  console.error('usage: skills-migrate create <name> | deploy | check');
  process.exitCode = 2;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
