import { fileURLToPath } from 'node:url';
import {
  bootSubgraph,
  migrationPathsOf,
  onShutdown,
  schedulePeriodic,
  type RunningService,
} from '@skills/service-kit';
import { deliverPendingViolations } from './commands/deliver-violations.js';
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
    prepare: async (prisma, log, database) => {
      if (config.DEMO_DATA && (await seedDemo(prisma))) log.info('demo candidates and plans loaded');
      // inspections' violations that did not reach agencies yet (the outbox), once per interval across replicas
      const delivery = schedulePeriodic({
        name: 'deliver-violations',
        intervalMs: config.VIOLATION_DELIVERY_SECONDS * 1000,
        database,
        log,
        run: async () => void (await deliverPendingViolations(prisma, agencies, log)),
      });
      return () => delivery.stop();
    },
    context: (base, prisma) => ({ ...base, prisma, config, agencies, loaders: createLoaders(prisma) }),
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const service = await startAssessment(readConfig());
  onShutdown(service.log, service.close);
}
