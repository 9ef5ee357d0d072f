import {
  applyMigrations,
  createLogger,
  onShutdown,
  openDatabase,
  startSubgraphServer,
  type Logger,
} from '@skills/service-kit';
import { fileURLToPath } from 'node:url';
import { readConfig, type Config } from './config.js';
import { createLoaders, type Context } from './context.js';
import { createPrisma, type PrismaClient, type PrismaOptions } from './db.js';
import { schema } from './schema/index.js';
import { seedIfEmpty } from './seed.js';

export const migrationPaths = {
  schemaPath: fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url)),
  migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
};

/** Starts the catalogue subgraph: database (PGlite or PostgreSQL), migrations, first-run seed, HTTP. */
export interface CatalogueService {
  url: string;
  prisma: PrismaClient;
  log: Logger;
  close(): Promise<void>;
}

export async function startCatalogue(
  config: Config,
  prismaOptions: PrismaOptions = {},
): Promise<CatalogueService> {
  const log = createLogger('catalogue', config.LOG_LEVEL);
  const db = await openDatabase({
    service: 'catalogue',
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
  });
  const applied = await applyMigrations(migrationPaths, db.url);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const prisma = createPrisma(db.url, db.schema, prismaOptions);
  if (config.SEED_ON_START) {
    const seeded = await seedIfEmpty(prisma);
    if (seeded)
      log.info({ imported: seeded.map((r) => ({ kind: r.kind, created: r.created })) }, 'catalogue seeded');
  }
  const server = await startSubgraphServer<Context>({
    schema,
    config,
    port: config.PORT,
    log,
    context: (base) => ({ ...base, prisma, loaders: createLoaders(prisma) }),
    ready: async () => {
      await prisma.$queryRaw`select 1`;
    },
  });
  log.info({ url: server.url, database: db.kind }, 'catalogue subgraph ready');
  return {
    url: server.url,
    prisma,
    log,
    async close() {
      await server.close();
      await prisma.$disconnect();
      await db.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const service = await startCatalogue(readConfig());
  onShutdown(service.log, service.close);
}
