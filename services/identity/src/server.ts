import { fileURLToPath } from 'node:url';
import {
  applyMigrations,
  createLogger,
  onShutdown,
  openDatabase,
  startSubgraphServer,
  type Logger,
} from '@skills/service-kit';
import { readConfig, type Config } from './config.js';
import type { Context } from './context.js';
import { createPrisma, type PrismaClient } from './db.js';
import { seedDemo } from './demo.js';
import { createKeyStore, type KeyStore } from './keys.js';
import { schema } from './schema/index.js';

export const migrationPaths = {
  schemaPath: fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url)),
  migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
};

export const JWKS_PATH = '/.well-known/jwks.json';

export interface IdentityService {
  url: string;
  jwksUrl: string;
  prisma: PrismaClient;
  keys: KeyStore;
  log: Logger;
  close(): Promise<void>;
}

export async function startIdentity(config: Config): Promise<IdentityService> {
  const log = createLogger('identity', config.LOG_LEVEL);
  if (config.DEMO_ACCOUNTS && config.NODE_ENV === 'production') throw new Error('DEMO_ACCOUNTS must not be enabled in production');
  const db = await openDatabase({ service: 'identity', databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const applied = await applyMigrations(migrationPaths, db.url);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const prisma = createPrisma(db.url, db.schema);
  if (config.DEMO_ACCOUNTS) {
    const created = await seedDemo(prisma);
    if (created) log.warn({ created }, 'demo accounts created (demo only)');
  }
  const keys = createKeyStore(prisma, config.SIGNING_KEY_ROTATION_DAYS, config.ACCESS_TOKEN_TTL_SECONDS);
  await keys.signingKey();
  const server = await startSubgraphServer<Context>({
    schema,
    config,
    port: config.PORT,
    log,
    context: (base) => ({ ...base, prisma, keys, config }),
    ready: async () => {
      await prisma.$queryRaw`select 1`;
    },
    routes: async (req, res) => {
      if (req.url !== JWKS_PATH) return false;
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' });
      res.end(JSON.stringify(await keys.jwks()));
      return true;
    },
  });
  log.info({ url: server.url, database: db.kind }, 'identity subgraph ready');
  return {
    url: server.url,
    jwksUrl: server.url.replace(/\/graphql$/, JWKS_PATH),
    prisma,
    keys,
    log,
    async close() {
      await server.close();
      await prisma.$disconnect();
      await db.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const service = await startIdentity(readConfig());
  onShutdown(service.log, service.close);
}
