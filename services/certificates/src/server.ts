import { fileURLToPath } from 'node:url';
import {
  bootSubgraph,
  CLIENT_ADDRESS_HEADER,
  createRateLimiter,
  migrationPathsOf,
  onShutdown,
  type RunningService,
} from '@skills/service-kit';
import { readConfig, type Config } from './config.js';
import type { Context } from './context.js';
import { createPrisma, type PrismaClient } from './db.js';
import { seedDemo } from './demo.js';
import { createFactsSource, type FactsSource } from './facts-client.js';
import { schema } from './schema/index.js';

export const migrationPaths = migrationPathsOf(new URL('../', import.meta.url));

export type CertificatesService = RunningService<PrismaClient>;

export interface CertificatesOptions {
  /** replaces the graph lookups of results and agencies (tests of rules without the neighbours) */
  facts?: FactsSource;
  onQuery?: (sql: string) => void;
}

export function startCertificates(
  config: Config,
  opts: CertificatesOptions = {},
): Promise<CertificatesService> {
  const facts =
    opts.facts ??
    createFactsSource({
      assessmentUrl: config.ASSESSMENT_GRAPH_URL,
      agenciesUrl: config.AGENCIES_GRAPH_URL,
      claimsSecret: config.CLAIMS_SECRET,
    });
  let verifyLimiter: ReturnType<typeof createRateLimiter> | undefined;
  return bootSubgraph<PrismaClient, Context>({
    name: 'certificates',
    config,
    migrations: migrationPaths,
    schema,
    prisma: (url, dbSchema) => createPrisma(url, dbSchema, opts.onQuery),
    prepare: async (prisma, log) => {
      verifyLimiter = createRateLimiter({
        name: 'certificates-verify',
        limit: config.VERIFY_RATE_LIMIT,
        windowMs: config.VERIFY_RATE_WINDOW_SECONDS * 1000,
        redisUrl: config.REDIS_URL,
        log,
      });
      if (config.DEMO_DATA && (await seedDemo(prisma))) log.info('demo certificates loaded');
      return () => verifyLimiter?.close();
    },
    context: (base, prisma, req) => {
      const address = req.headers[CLIENT_ADDRESS_HEADER];
      return {
        ...base,
        prisma,
        config,
        facts,
        verifyLimiter: verifyLimiter!,
        clientAddress: typeof address === 'string' && address ? address : null,
      };
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const service = await startCertificates(readConfig());
  onShutdown(service.log, service.close);
}
