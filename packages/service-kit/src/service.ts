// The start-up every subgraph shares: database (PGlite or PostgreSQL), migrations, the service's own
// preparation (demo data, sweeps), the HTTP server, and a close that undoes it all in reverse order.
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { GraphQLSchema } from 'graphql';
import { baseConfigSchema, loadConfig, type BaseConfig } from './config.js';
import { openDatabase, type Database } from './database.js';
import type { HttpOptions } from './http.js';
import { createLogger, type Logger } from './logger.js';
import { applyMigrations, assertMigrated, type MigrationPaths } from './migrations.js';
import { startTracing, stopTracing } from './tracing.js';
import { startSubgraphServer, type RequestContext } from './subgraph.js';

/** prisma/schema.prisma and prisma/migrations of the service whose root (the folder above dist/) is given. */
export function migrationPathsOf(serviceRoot: URL): MigrationPaths {
  return {
    schemaPath: fileURLToPath(new URL('prisma/schema.prisma', serviceRoot)),
    migrationsDir: fileURLToPath(new URL('prisma/migrations', serviceRoot)),
  };
}

interface PrismaLike {
  $disconnect(): Promise<void>;
  $executeRawUnsafe(sql: string): Promise<number>;
}

export interface BootOptions<P extends PrismaLike, C extends RequestContext> {
  name: string;
  config: BaseConfig & { PORT: number };
  migrations: MigrationPaths;
  schema: GraphQLSchema;
  prisma: (url: string, schema: string) => P;
  /** after migrations, before serving: demo data, periodic jobs (schedulePeriodic); may return a cleanup */
  prepare?: (prisma: P, log: Logger, database: Database) => Promise<(() => unknown) | void>;
  /** the request is there for what the claims do not carry (the gateway's CLIENT_ADDRESS_HEADER) */
  context: (base: RequestContext, prisma: P, req: IncomingMessage) => C;
  routes?: HttpOptions<C>['routes'];
}

export interface RunningService<P> {
  url: string;
  prisma: P;
  log: Logger;
  close(): Promise<void>;
}

export async function bootSubgraph<P extends PrismaLike, C extends RequestContext>(
  opts: BootOptions<P, C>,
): Promise<RunningService<P>> {
  const { config } = opts;
  const log = createLogger(opts.name, config.LOG_LEVEL);
  if (startTracing(opts.name)) log.info('OpenTelemetry traces exported (OTEL_* variables)');
  const db = await openDatabase({
    service: opts.name,
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
  });
  try {
    if (config.MIGRATE_ON_START) {
      const applied = await applyMigrations(opts.migrations, db);
      if (applied.length) log.info({ applied }, 'migrations applied');
    } else {
      await assertMigrated(opts.name, opts.migrations, db);
    }
  } catch (e) {
    await db.close();
    throw e;
  }
  const prisma = opts.prisma(db.url, db.schema);
  const cleanup = await opts.prepare?.(prisma, log, db);
  const server = await startSubgraphServer<C>({
    schema: opts.schema,
    config,
    port: config.PORT,
    log,
    context: (base, req) => opts.context(base, prisma, req),
    ready: async () => {
      await prisma.$executeRawUnsafe('select 1');
    },
    ...(opts.routes ? { routes: opts.routes } : {}),
  });
  log.info({ url: server.url, database: db.kind }, `${opts.name} subgraph ready`);
  return {
    url: server.url,
    prisma,
    log,
    async close() {
      await cleanup?.();
      await server.close();
      await prisma.$disconnect();
      await db.close();
      await stopTracing();
    },
  };
}

/** What the migration Job reads: where the database is, nothing else (no CLAIMS_SECRET, no port). */
const migrateConfigSchema = baseConfigSchema.pick({ LOG_LEVEL: true, DATABASE_URL: true, DATA_DIR: true });

/**
 * The migration Job (each service's dist/migrate.js, deploy/): applies the release's pending migrations to the
 * service's schema and returns their names. Idempotent; Prisma's engine lock makes two Jobs queue, not collide.
 */
export async function runMigrationJob(
  name: string,
  migrations: MigrationPaths,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const config = loadConfig(migrateConfigSchema, env);
  const log = createLogger(name, config.LOG_LEVEL);
  const db = await openDatabase({
    service: name,
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
  });
  try {
    const applied = await applyMigrations(migrations, db);
    log.info(
      { applied, schema: db.schema },
      applied.length ? 'migrations applied' : 'schema already current',
    );
    return applied;
  } finally {
    await db.close();
  }
}
