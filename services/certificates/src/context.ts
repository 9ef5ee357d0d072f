import type { RateLimiter, RequestContext } from '@skills/service-kit';
import type { Config } from './config.js';
import type { PrismaClient } from './db.js';
import type { FactsSource } from './facts-client.js';

export interface Context extends RequestContext {
  prisma: PrismaClient;
  config: Config;
  facts: FactsSource;
  /** public verification: per client address */
  verifyLimiter: RateLimiter;
  /** the caller's address as the gateway saw it (CLIENT_ADDRESS_HEADER); null when not forwarded */
  clientAddress: string | null;
}
