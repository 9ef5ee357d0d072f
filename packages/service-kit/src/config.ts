import { z } from 'zod';

/** Settings every service reads from the environment. Services extend this with their own keys. */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PostgreSQL URL. Unset means the embedded PGlite default, one data dir per service under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  /**
   * Apply pending migrations at start (npm start, tests). Clusters set false and run the migration Job
   * (`node dist/migrate.js`) first: replicas then never race on DDL, and one started on a schema that lacks a
   * migration of its release refuses to serve (UnmigratedSchemaError) instead of failing on its first query.
   */
  MIGRATE_ON_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /**
   * Shared by the gateway and subgraphs to sign/verify forwarded caller claims. Required: a subgraph answers
   * only requests with valid claims (npm start and the tests generate one per run).
   */
  CLAIMS_SECRET: z
    .string({
      error: 'CLAIMS_SECRET is required (at least 32 characters, shared by the gateway and subgraphs)',
    })
    .min(32, 'CLAIMS_SECRET must be at least 32 characters'),
  /**
   * On SIGTERM: seconds to keep serving while /ready says "not ready" (long enough for a load balancer or
   * Kubernetes to stop sending), then up to SHUTDOWN_GRACE_SECONDS for requests in flight to finish.
   */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(300).default(0),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(10),
  /** Largest accepted request body, bytes. */
  BODY_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

export class ConfigError extends Error {}

/** Validates the environment against a schema; a bad value stops the service with every problem listed. */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
