// Restarts and upgrades: migrations applied to a database that was migrated before (the second start of every
// service), and a new migration on top of data written by the first version (the upgrade path) — on PGlite
// (a data directory reopened) and on PostgreSQL (the service's own schema in a shared database).
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import {
  applyMigrations,
  assertMigrated,
  pendingSchemaChange,
  unappliedMigrations,
  UnmigratedSchemaError,
  type MigrationPaths,
} from './migrations.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './testing.js';

const kinds = await testDatabaseKinds();

const V1 = `generator client {
  provider = "prisma-client"
  output   = "../generated"
}
datasource db {
  provider = "postgresql"
}
model Agency {
  id   Int    @id @default(autoincrement())
  name String
}
`;
const V1_SQL = `CREATE TABLE "Agency" ("id" SERIAL NOT NULL, "name" TEXT NOT NULL, CONSTRAINT "Agency_pkey" PRIMARY KEY ("id"));\n`;
const V2 = V1.replace(
  'name String\n}',
  'name String\n  phone String @default("")\n}\nmodel Filing {\n  id Int @id @default(autoincrement())\n}',
);
const V2_SQL = `ALTER TABLE "Agency" ADD COLUMN "phone" TEXT NOT NULL DEFAULT '';
CREATE TABLE "Filing" ("id" SERIAL NOT NULL, CONSTRAINT "Filing_pkey" PRIMARY KEY ("id"));\n`;

/** A service folder with schema.prisma and its migrations, as a release ships it. */
function release(dir: string, schema: string, migrations: Record<string, string>): MigrationPaths {
  const prisma = join(dir, 'prisma');
  mkdirSync(join(prisma, 'migrations'), { recursive: true });
  writeFileSync(join(prisma, 'schema.prisma'), schema);
  writeFileSync(join(prisma, 'migrations', 'migration_lock.toml'), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(join(prisma, 'migrations', name), { recursive: true });
    writeFileSync(join(prisma, 'migrations', name, 'migration.sql'), sql);
  }
  return { schemaPath: join(prisma, 'schema.prisma'), migrationsDir: join(prisma, 'migrations') };
}

async function query(url: string, sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as Record<string, unknown>[];
  } finally {
    await c.end();
  }
}

const servers: TestDatabase[] = [];
afterAll(async () => {
  for (const s of servers) await s.drop();
});

describe.each(kinds)('migrations on %s', (kind) => {
  /** Opens the service's database as a start does (a new connection each time); returns it and its closer. */
  let open: (service: string) => ReturnType<typeof openDatabase>;

  it('a second start on a migrated database applies nothing and keeps the data; an upgrade keeps it too', async () => {
    const root = mkdtempSync(join(tmpdir(), 'migrations-'));
    if (kind === 'postgres') {
      const server = await createTestDatabase('postgres', 'restart');
      servers.push(server);
      open = (service) => openDatabase({ service, databaseUrl: server.url, dataDir: root });
    } else {
      open = (service) => openDatabase({ service, dataDir: join(root, 'data') });
    }
    const v1 = release(join(root, 'v1'), V1, { '20260101000000_init': V1_SQL });
    const names = ['agencies', 'catalogue'];

    // first start of two services sharing the database (one schema each on PostgreSQL)
    for (const service of names) {
      const db = await open(service);
      // a fresh schema lacks every migration: a service started with MIGRATE_ON_START=false refuses it
      expect(await unappliedMigrations(v1, db)).toEqual(['20260101000000_init']);
      await expect(assertMigrated(service, v1, db)).rejects.toThrow(
        `${service}: the database schema "${db.schema}" lacks 1 migration(s) of this release (20260101000000_init)`,
      );
      expect(await applyMigrations(v1, db)).toEqual(['20260101000000_init']);
      await assertMigrated(service, v1, db);
      await query(db.url, 'insert into "Agency" (name) values ($1)', [`${service} 泉州`]);
      await db.close();
    }
    // restart: nothing to apply, nothing lost (this failed on PostgreSQL: "_prisma_migrations already exists")
    for (const service of names) {
      const db = await open(service);
      expect(await applyMigrations(v1, db)).toEqual([]);
      expect(await query(db.url, 'select name from "Agency"')).toEqual([{ name: `${service} 泉州` }]);
      await db.close();
    }
    // upgrade: the next release adds a migration; the data of the first version is still there
    const v2 = release(join(root, 'v2'), V2, {
      '20260101000000_init': V1_SQL,
      '20260201000000_phone': V2_SQL,
    });
    for (const service of names) {
      const db = await open(service);
      // v2's replicas refuse the schema until its Job ran; v1's replicas still serve the migrated one
      const refused = await assertMigrated(service, v2, db).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(UnmigratedSchemaError);
      expect((refused as UnmigratedSchemaError).missing).toEqual(['20260201000000_phone']);
      expect(await applyMigrations(v2, db)).toEqual(['20260201000000_phone']);
      await assertMigrated(service, v1, db);
      await assertMigrated(service, v2, db);
      expect(await query(db.url, 'select name, phone from "Agency"')).toEqual([
        { name: `${service} 泉州`, phone: '' },
      ]);
      expect(await applyMigrations(v2, db)).toEqual([]);
      const history = await query(
        db.url,
        'select migration_name from _prisma_migrations where finished_at is not null order by 1',
      );
      expect(history.map((r) => r.migration_name)).toEqual(['20260101000000_init', '20260201000000_phone']);
      await db.close();
    }
    if (kind === 'postgres') {
      // each service's history lives in its own schema, none in public
      const db = await open('agencies');
      const where = await query(
        db.url,
        `select table_schema from information_schema.tables where table_name = '_prisma_migrations' order by 1`,
      );
      expect(where.map((r) => r.table_schema)).toEqual(['agencies', 'catalogue']);
      await db.close();
    }
    // the shipped snapshot of v2 would have no pending change against v2's schema
    cpSync(v2.schemaPath, join(v2.migrationsDir, 'schema.snapshot.prisma'));
    const db = await open('agencies');
    expect(await pendingSchemaChange(v2, db)).toBeNull();
    await db.close();
  });
});
