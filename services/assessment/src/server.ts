import { fileURLToPath } from 'node:url';
import { bootSubgraph, migrationPathsOf, onShutdown, type RunningService } from '@skills/service-kit';
import { createAgencyDirectory, type AgencyDirectory } from './agencies-client.js';
import { readConfig, type Config } from './config.js';
import { createLoaders, type Context } from './context.js';
import { createPrisma, type PrismaClient } from './db.js';
import { seedDemo } from './demo.js';
import { schema } from './schema/index.js';

export const migrationPaths = migrationPathsOf(new URL('../', import.meta.url));

export type AssessmentService = RunningService<PrismaClient>;

export interface AssessmentOptions {
  /** replaces the graph lookup of agencies (tests of rules without an agencies subgraph) */
  agencies?: AgencyDirectory;
  onQuery?: (sql: string) => void;
}

export function startAssessment(config: Config, opts: AssessmentOptions = {}): Promise<AssessmentService> {
  const agencies = opts.agencies ?? createAgencyDirectory(config.AGENCIES_GRAPH_URL, config.CLAIMS_SECRET);
  return bootSubgraph<PrismaClient, Context>({
    name: 'assessment',
    config,
    migrations: migrationPaths,
    schema,
    prisma: (url, dbSchema) => createPrisma(url, dbSchema, opts.onQuery),
    prepare: async (prisma, log) => {
      if (config.DEMO_DATA && (await seedDemo(prisma))) log.info('demo candidates and plans loaded');
    },
    context: (base, prisma) => ({ ...base, prisma, config, agencies, loaders: createLoaders(prisma) }),
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const service = await startAssessment(readConfig());
  onShutdown(service.log, service.close);
}
