import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  bootSubgraph,
  migrationPathsOf,
  onShutdown,
  principalFromHeaders,
  type RunningService,
} from '@skills/service-kit';
import { verifyApiKey } from './api-keys.js';
import { readConfig, type Config } from './config.js';
import { createLoaders, type Context } from './context.js';
import { createPrisma, type PrismaClient, type PrismaOptions } from './db.js';
import { seedDemo } from './demo.js';
import { createKeyStore, type KeyStore } from './keys.js';
import { revokedSessionsSince } from './sessions.js';
import { schema } from './schema/index.js';

export const migrationPaths = migrationPathsOf(new URL('../', import.meta.url));

export const JWKS_PATH = '/.well-known/jwks.json';
export const API_KEY_VERIFY_PATH = '/internal/api-keys/verify';
export const REVOKED_SESSIONS_PATH = '/internal/sessions/revoked';

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Only the gateway (service claims signed with CLAIMS_SECRET) may call the internal routes. */
async function fromGateway(req: IncomingMessage, config: Config) {
  const caller = await principalFromHeaders(req.headers, { claimsSecret: config.CLAIMS_SECRET });
  return caller?.kind === 'service' && caller.id === 'gateway';
}

/**
 * Sessions ended since `?since=<ISO time>` (at most one access-token lifetime back: older sessions' tokens have
 * expired anyway), and the time of this answer for the next call.
 */
async function answerRevokedSessions(
  req: IncomingMessage,
  res: ServerResponse,
  prisma: PrismaClient,
  config: Config,
) {
  const send = (status: number, body: unknown) => sendJson(res, status, body);
  if (!(await fromGateway(req, config))) return send(403, { error: 'forbidden' });
  const now = new Date();
  const oldest = new Date(now.getTime() - config.ACCESS_TOKEN_TTL_SECONDS * 1000);
  const asked = new Date(new URL(req.url ?? '', 'http://x').searchParams.get('since') ?? '');
  const since = Number.isNaN(asked.getTime()) || asked < oldest ? oldest : asked;
  send(200, { now: now.toISOString(), revoked: await revokedSessionsSince(prisma, since) });
}

/**
 * The gateway asks here whether a partner's API key is valid. Only the gateway may ask (service claims signed
 * with CLAIMS_SECRET); the answer is the key's id, partner organisation and allowed operations.
 */
async function answerApiKeyVerification(
  req: IncomingMessage,
  res: ServerResponse,
  prisma: PrismaClient,
  config: Config,
) {
  const send = (status: number, body: unknown) => sendJson(res, status, body);
  if (!(await fromGateway(req, config))) return send(403, { error: 'forbidden' });
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 4096) return send(413, { error: 'too large' });
  }
  let key: unknown;
  try {
    key = (JSON.parse(body) as { key?: unknown }).key;
  } catch {
    return send(400, { error: 'bad json' });
  }
  const row = typeof key === 'string' ? await verifyApiKey(prisma, key) : null;
  if (!row) return send(404, { valid: false });
  send(200, {
    valid: true,
    id: row.id,
    name: row.name,
    organisationCode: row.organisationCode,
    allowedOperations: row.allowedOperations,
  });
}

export interface IdentityService extends RunningService<PrismaClient> {
  jwksUrl: string;
  keys: KeyStore;
}

export async function startIdentity(
  config: Config,
  prismaOptions: PrismaOptions = {},
): Promise<IdentityService> {
  if (config.DEMO_ACCOUNTS && config.NODE_ENV === 'production')
    throw new Error('DEMO_ACCOUNTS must not be enabled in production');
  let keys!: KeyStore;
  let db!: PrismaClient;
  const service = await bootSubgraph<PrismaClient, Context>({
    name: 'identity',
    config,
    migrations: migrationPaths,
    schema,
    prisma: (url, dbSchema) => createPrisma(url, dbSchema, prismaOptions),
    prepare: async (prisma, log) => {
      db = prisma;
      if (config.DEMO_ACCOUNTS) {
        const created = await seedDemo(prisma);
        if (created) log.warn({ created }, 'demo accounts created (demo only)');
      }
      keys = createKeyStore(prisma, config.SIGNING_KEY_ROTATION_DAYS, config.ACCESS_TOKEN_TTL_SECONDS);
      await keys.signingKey();
    },
    context: (base, prisma) => ({ ...base, prisma, keys, config, loaders: createLoaders(prisma) }),
    routes: async (req, res) => {
      if (req.url === JWKS_PATH) {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' });
        res.end(JSON.stringify(await keys.jwks()));
        return true;
      }
      if (req.url === API_KEY_VERIFY_PATH && req.method === 'POST') {
        await answerApiKeyVerification(req, res, db, config);
        return true;
      }
      if (req.url?.startsWith(REVOKED_SESSIONS_PATH) && req.method === 'GET') {
        await answerRevokedSessions(req, res, db, config);
        return true;
      }
      return false;
    },
  });
  return { ...service, keys, jwksUrl: service.url.replace(/\/graphql$/, JWKS_PATH) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const service = await startIdentity(readConfig());
  onShutdown(service.log, service.close);
}
