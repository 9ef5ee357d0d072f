import type { RequestContext } from '@skills/service-kit';
import type { Config } from './config.js';
import type { PrismaClient } from './db.js';
import type { KeyStore } from './keys.js';

export interface Context extends RequestContext {
  prisma: PrismaClient;
  keys: KeyStore;
  config: Config;
}
