import { fileURLToPath } from 'node:url';
import { bootSubgraph, migrationPathsOf, onShutdown, type RunningService } from '@skills/service-kit';
import { readConfig, type Config } from './config.js';
import { createLoaders, type Context } from './context.js';
import { createPrisma, type PrismaClient, type PrismaOptions } from './db.js';
import { schema } from './schema/index.js';
import { seedIfEmpty } from './seed.js';

export const migrationPaths = migrationPathsOf(new URL('../', import.meta.url));

export type CatalogueService = RunningService<PrismaClient>;

/** Starts the catalogue subgraph: database (PGlite or PostgreSQL), migrations, first-run seed, HTTP. */
export function startCatalogue(config: Config, prismaOptions: PrismaOptions = {}): Promise<CatalogueService> {
  return bootSubgraph<PrismaClient, Context>({
    name: 'catalogue',
    config,
    migrations: migrationPaths,
    schema,
    prisma: (url, dbSchema) => createPrisma(url, dbSchema, prismaOptions),
    prepare: async (prisma, log) => {
      if (!config.SEED_ON_START) return;
      const seeded = await seedIfEmpty(prisma);
      if (seeded)
        log.info({ imported: seeded.map((r) => ({ kind: r.kind, created: r.created })) }, 'catalogue seeded');
    },
    context: (base, prisma) => ({ ...base, prisma, loaders: createLoaders(prisma) }),
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const service = await startCatalogue(readConfig());
  onShutdown(service.log, service.close);
}
