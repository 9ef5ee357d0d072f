// Prisma migrations without the native schema engine: Prisma's own WASM engine, driven through a driver adapter.
// Same folder layout and _prisma_migrations bookkeeping as `prisma migrate`, so a machine with the native
// engine can run `prisma migrate deploy` on the same folder. See docs/adr/0003-prisma-offline.md.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';

const require = createRequire(import.meta.url);

interface SchemaEngine {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string }>;
  applyMigrations(params: unknown): Promise<{ appliedMigrationNames: string[] }>;
  free(): void;
}

// Node has WebAssembly; @types/node 20 does not declare it and the DOM lib would be wrong for a server.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: object,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let wasmReady: Promise<{ SchemaEngine: { new: (...args: unknown[]) => Promise<SchemaEngine> } }> | undefined;

async function loadEngineModule() {
  wasmReady ??= (async () => {
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = (await import(bgPath)) as Record<string, unknown> & {
      __wbg_set_wasm(exports: unknown): void;
      SchemaEngine: { new: (...args: unknown[]) => Promise<SchemaEngine> };
    };
    const wasm = readFileSync(bgPath.replace(/\.js$/, '.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return bg;
  })();
  return wasmReady;
}

const noFilter = { externalTables: [], externalEnums: [] };
const SNAPSHOT = 'schema.snapshot.prisma';

/** Where migrations go: the connection and the PostgreSQL schema that holds the service's tables. */
export interface MigrationTarget {
  url: string;
  /** the service's schema (see openDatabase); the engine looks for its history there */
  schema: string;
}

/**
 * Runs `work` with a schema engine on its own connection pool, then frees both. Closing the pool matters:
 * the engine takes a session-level advisory lock while migrating, and a connection left open would keep
 * every other service sharing the database waiting for it.
 *
 * The adapter must be told the schema: the engine checks whether `_prisma_migrations` exists in the adapter's
 * schema (default `public`) while its DDL follows the connection's search_path, so without it a second start
 * finds "no history" and fails creating a table that exists.
 */
async function withEngine<T>(
  schemaPath: string,
  target: MigrationTarget,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const datamodel = readFileSync(schemaPath, 'utf8');
  const pool = new pg.Pool({ connectionString: target.url, max: 2 });
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool, { schema: target.schema }));
  let engine: SchemaEngine | undefined;
  try {
    engine = await SchemaEngine.new({ datamodels: [[schemaPath, datamodel]] }, () => {}, factory);
    return await work(engine);
  } finally {
    engine?.free();
    await pool.end().catch(() => {});
  }
}

/** The migration folders a release ships, in the order they apply. */
function migrationNames(dir: string): string[] {
  const baseDir = resolve(dir);
  return existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
}

function migrationsList(dir: string) {
  const baseDir = resolve(dir);
  const dirs = migrationNames(baseDir);
  const lock = join(baseDir, 'migration_lock.toml');
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lock) ? readFileSync(lock, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((d) => ({
      path: d,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(join(baseDir, d, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

export interface MigrationPaths {
  /** prisma/schema.prisma */
  schemaPath: string;
  /** prisma/migrations */
  migrationsDir: string;
}

/**
 * Applies the migrations not yet applied; returns their names. Idempotent. Prisma's engine holds one advisory
 * lock per database while it migrates, with a 10 s wait; services sharing a database (one schema each) that
 * start together queue on it, so a lock time-out is retried rather than fatal.
 */
export async function applyMigrations(
  paths: MigrationPaths,
  target: MigrationTarget,
  attempts = 8,
): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await withEngine(paths.schemaPath, target, (engine) =>
        engine.applyMigrations({ migrationsList: migrationsList(paths.migrationsDir), filters: noFilter }),
      );
      return r.appliedMigrationNames;
    } catch (e) {
      const lockWait = /timed out/i.test(String((e as Error)?.message ?? e));
      if (!lockWait || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

/** SQL that would take the last migrated schema (its snapshot) to the current schema.prisma; null if none. */
export async function pendingSchemaChange(
  paths: MigrationPaths,
  target: MigrationTarget,
): Promise<string | null> {
  const snap = join(paths.migrationsDir, SNAPSHOT);
  const from = existsSync(snap)
    ? { tag: 'schemaDatamodel', files: [{ path: snap, content: readFileSync(snap, 'utf8') }] }
    : { tag: 'empty' };
  const content = readFileSync(paths.schemaPath, 'utf8');
  const d = await withEngine(paths.schemaPath, target, (engine) =>
    engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [{ path: paths.schemaPath, content }] },
      script: true,
      exitCode: true,
      filters: noFilter,
    }),
  );
  return d.exitCode === 2 ? d.stdout : null;
}

/** Writes a new migration folder for the pending change (like `prisma migrate dev --create-only`). */
export async function createMigration(paths: MigrationPaths, name: string, target: MigrationTarget) {
  const sql = await pendingSchemaChange(paths, target);
  if (sql === null) return null;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dirName = `${stamp}_${name.replace(/[^a-z0-9_]/gi, '_')}`;
  mkdirSync(join(paths.migrationsDir, dirName), { recursive: true });
  writeFileSync(join(paths.migrationsDir, dirName, 'migration.sql'), sql);
  writeFileSync(join(paths.migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  writeFileSync(join(paths.migrationsDir, SNAPSHOT), readFileSync(paths.schemaPath, 'utf8'));
  return dirName;
}

/**
 * The release's migrations that the database has not applied (none = the schema is current). A migration the
 * database has and the release lacks is fine: during a rolling upgrade the Job of the next release has run while
 * replicas of this one still serve (migrations add before they remove; docs/operations.md).
 */
export async function unappliedMigrations(paths: MigrationPaths, target: MigrationTarget): Promise<string[]> {
  const shipped = migrationNames(paths.migrationsDir);
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const table = `"${target.schema}"."_prisma_migrations"`;
    const { rows } = await client.query<{ t: string | null }>('select to_regclass($1) as t', [table]);
    if (!rows[0]?.t) return shipped;
    const applied = await client.query<{ migration_name: string }>(
      `select migration_name from ${table} where finished_at is not null and rolled_back_at is null`,
    );
    const done = new Set(applied.rows.map((r) => r.migration_name));
    return shipped.filter((name) => !done.has(name));
  } finally {
    await client.end().catch(() => {});
  }
}

/** A service started with MIGRATE_ON_START=false on a schema its migration Job has not brought up to date. */
export class UnmigratedSchemaError extends Error {
  constructor(
    readonly service: string,
    readonly schema: string,
    readonly missing: string[],
  ) {
    super(
      `${service}: the database schema "${schema}" lacks ${missing.length} migration(s) of this release ` +
        `(${missing.join(', ')}); refusing to serve. Run the migration Job first (node dist/migrate.js with the ` +
        `same DATABASE_URL), or start with MIGRATE_ON_START=true.`,
    );
    this.name = 'UnmigratedSchemaError';
  }
}

/** Throws UnmigratedSchemaError unless every migration of the release is applied. */
export async function assertMigrated(service: string, paths: MigrationPaths, target: MigrationTarget) {
  const missing = await unappliedMigrations(paths, target);
  if (missing.length) throw new UnmigratedSchemaError(service, target.schema, missing);
}
