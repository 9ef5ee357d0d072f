import { baseConfigSchema, loadConfig } from '@skills/service-kit';
import { z } from 'zod';

export const configSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  SUPERGRAPH_PATH: z.string().optional(),
  /** Where identity publishes the keys that sign access tokens; defaults to beside IDENTITY_URL. */
  IDENTITY_JWKS_URL: z.string().url().optional(),
  IDENTITY_URL: z.string().url().default('http://127.0.0.1:4005/graphql'),
  /** How often to ask identity which sign-in sessions ended (logout elsewhere ends their tokens within this). */
  REVOCATION_POLL_SECONDS: z.coerce.number().min(0.2).max(300).default(5),
  /** Deepest field nesting a query may have. */
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
  /** Aliased fields one operation may have (thousands of aliases of a free field cost no less to answer). */
  MAX_ALIASES: z.coerce.number().int().min(0).max(10_000).default(50),
  /** Fields at the root of one operation. */
  MAX_ROOT_FIELDS: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Largest estimated cost (fields, multiplied by list sizes) a query may have. */
  MAX_QUERY_COST: z.coerce.number().int().min(10).default(20_000),
  /**
   * How long an anonymous answer to a public query may be served from the response cache (docs/adr/0008);
   * 0 turns the cache off. Mutations through the gateway invalidate at once; this bounds everything else.
   */
  RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  /** Upper bound of the response cache, in MiB of JSON. */
  RESPONSE_CACHE_MAX_MIB: z.coerce.number().min(1).max(4096).default(64),
  /**
   * Redis shared by the gateway replicas: a write through one drops the cached answers it changed on all of
   * them before it returns. Unset: one gateway (or the workers of one host, told over IPC).
   */
  REDIS_URL: z.string().url().optional(),
  /**
   * Requests one client address may send per minute (all replicas together with REDIS_URL); 0 = no limit.
   * Generous: a college's NAT puts many staff behind one address.
   */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(6000),
  /**
   * Failed sign-ins one client address may have per 10 minutes (all replicas together with REDIS_URL) before its
   * sign-ins are refused for the rest of the window; 0 = no limit. Identity locks an account on its own failures.
   */
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(0).default(30),
  /**
   * Proxies in front of the gateway whose X-Forwarded-For entry is trusted (1 behind the Ingress); 0 = the socket
   * peer is the client. Trusting more than there are lets callers choose their own address.
   */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** Processes serving the gateway (node:cluster); 0 = one per core. */
  GATEWAY_WORKERS: z.coerce.number().int().min(0).max(64).default(1),
  /** Comma-separated browser origins allowed to call the gateway (the shell and portals). */
  CORS_ORIGINS: z
    .string()
    .default(
      [5173, 5174, 5175, 5176, 5177]
        .flatMap((p) => [`http://127.0.0.1:${p}`, `http://localhost:${p}`])
        .join(','),
    )
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
});

export type Config = z.infer<typeof configSchema>;

export const jwksUrlOf = (c: Config) =>
  c.IDENTITY_JWKS_URL ?? c.IDENTITY_URL.replace(/\/graphql$/, '/.well-known/jwks.json');

export const readConfig = (env: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, env);
