// The start-up every subgraph shares: database (PGlite or PostgreSQL), migrations, the service's own
// preparation (demo data, sweeps), the HTTP server, and a close that undoes it all in reverse order.
import { fileURLToPath } from 'node:url';
import type { GraphQLSchema } from 'graphql';
import type { BaseConfig } from './config.js';
import { openDatabase } from './database.js';
import type { HttpOptions } from './http.js';
import { createLogger, type Logger } from './logger.js';
import { applyMigrations, type MigrationPaths } from './migrations.js';
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
  /** after migrations, before serving: demo data, sweeps; may return a cleanup */
  prepare?: (prisma: P, log: Logger) => Promise<(() => void) | void>;
  context: (base: RequestContext, prisma: P) => C;
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
  const db = await openDatabase({
    service: opts.name,
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
  });
  const applied = await applyMigrations(opts.migrations, db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const prisma = opts.prisma(db.url, db.schema);
  const cleanup = await opts.prepare?.(prisma, log);
  const server = await startSubgraphServer<C>({
    schema: opts.schema,
    config,
    port: config.PORT,
    log,
    context: (base) => opts.context(base, prisma),
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
      cleanup?.();
      await server.close();
      await prisma.$disconnect();
      await db.close();
    },
  };
}
