import { fileURLToPath } from 'node:url';
import {
  applyMigrations,
  createLogger,
  onShutdown,
  openDatabase,
  startSubgraphServer,
  type Logger,
} from '@skills/service-kit';
import { createCatalogueDirectory, type CatalogueDirectory } from './catalogue-client.js';
import { readConfig, type Config } from './config.js';
import { createLoaders, type Context } from './context.js';
import { createPrisma, type PrismaClient } from './db.js';
import { seedBulk, seedDemo } from './demo.js';
import { expireLapsedFilings } from './filings.js';
import { schema } from './schema/index.js';

export const migrationPaths = {
  schemaPath: fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url)),
  migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
};

export interface AgenciesService {
  url: string;
  prisma: PrismaClient;
  log: Logger;
  close(): Promise<void>;
}

export interface AgenciesOptions {
  /** replaces the graph lookup (tests of the workflow without a catalogue) */
  catalogue?: CatalogueDirectory;
  onQuery?: (sql: string) => void;
}

export async function startAgencies(config: Config, opts: AgenciesOptions = {}): Promise<AgenciesService> {
  const log = createLogger('agencies', config.LOG_LEVEL);
  const db = await openDatabase({
    service: 'agencies',
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
  });
  const applied = await applyMigrations(migrationPaths, db.url);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const prisma = createPrisma(db.url, db.schema, opts.onQuery);
  if (config.DEMO_DATA && (await seedDemo(prisma))) log.info('demo colleges and filings loaded');
  if (config.DEMO_BULK_AGENCIES) {
    const added = await seedBulk(prisma, config.DEMO_BULK_AGENCIES);
    if (added) log.info({ added }, 'synthetic agencies loaded');
  }
  const expired = await expireLapsedFilings(prisma);
  if (expired) log.info({ expired }, 'lapsed filings marked expired');
  const sweep = setInterval(
    () => void expireLapsedFilings(prisma).catch((e) => log.error({ err: e }, 'expiry sweep failed')),
    3_600_000,
  );
  sweep.unref();
  const catalogue = opts.catalogue ?? createCatalogueDirectory(config.CATALOGUE_GRAPH_URL);
  const server = await startSubgraphServer<Context>({
    schema,
    config,
    port: config.PORT,
    log,
    context: (base) => ({ ...base, prisma, config, catalogue, loaders: createLoaders(prisma) }),
    ready: async () => {
      await prisma.$queryRaw`select 1`;
    },
  });
  log.info({ url: server.url, database: db.kind }, 'agencies subgraph ready');
  return {
    url: server.url,
    prisma,
    log,
    async close() {
      clearInterval(sweep);
      await server.close();
      await prisma.$disconnect();
      await db.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const service = await startAgencies(readConfig());
  onShutdown(service.log, service.close);
}
