import { fileURLToPath } from 'node:url';
import {
  bootSubgraph,
  migrationPathsOf,
  onShutdown,
  schedulePeriodic,
  type RunningService,
} from '@skills/service-kit';
import { createAssessmentDirectory } from './assessment-client.js';
import { createCatalogueDirectory, type CatalogueDirectory } from './catalogue-client.js';
import { readConfig, type Config } from './config.js';
import { createLoaders, type Context } from './context.js';
import { createPrisma, type PrismaClient } from './db.js';
import { seedBulk, seedDemo } from './demo.js';
import { expireLapsedFilings } from './commands/expire-lapsed-filings.js';
import { schema } from './schema/index.js';

export const migrationPaths = migrationPathsOf(new URL('../', import.meta.url));

export type AgenciesService = RunningService<PrismaClient>;

export interface AgenciesOptions {
  /** replaces the graph lookup (tests of the workflow without a catalogue) */
  catalogue?: CatalogueDirectory;
  onQuery?: (sql: string) => void;
}

export function startAgencies(config: Config, opts: AgenciesOptions = {}): Promise<AgenciesService> {
  const catalogue =
    opts.catalogue ?? createCatalogueDirectory(config.CATALOGUE_GRAPH_URL, config.CLAIMS_SECRET);
  const assessment = createAssessmentDirectory(config.ASSESSMENT_URL, config.CLAIMS_SECRET);
  return bootSubgraph<PrismaClient, Context>({
    name: 'agencies',
    config,
    migrations: migrationPaths,
    schema,
    prisma: (url, dbSchema) => createPrisma(url, dbSchema, opts.onQuery),
    prepare: async (prisma, log, database) => {
      if (config.DEMO_DATA && (await seedDemo(prisma))) log.info('demo colleges and filings loaded');
      if (config.DEMO_BULK_AGENCIES) {
        const added = await seedBulk(prisma, config.DEMO_BULK_AGENCIES);
        if (added) log.info({ added }, 'synthetic agencies loaded');
      }
      // once per interval across the replicas (a lease row, docs/adr/0011), the first look at start
      const sweep = schedulePeriodic({
        name: 'expire-lapsed-filings',
        intervalMs: config.EXPIRY_SWEEP_SECONDS * 1000,
        database,
        log,
        run: () => expireLapsedFilings(prisma),
      });
      await sweep.tick();
      return () => sweep.stop();
    },
    context: (base, prisma) => ({
      ...base,
      prisma,
      config,
      catalogue,
      assessment,
      loaders: createLoaders(prisma),
    }),
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const service = await startAgencies(readConfig());
  onShutdown(service.log, service.close);
}
