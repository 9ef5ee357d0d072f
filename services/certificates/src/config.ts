import { baseConfigSchema, loadConfig } from '@skills/service-kit';
import { z } from 'zod';

export const configSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4004),
  /**
   * Where final results (assessment) and agencies' filings (agencies) come from: the graph (the gateway) by
   * default, or each subgraph itself; either way the call carries this service's own signed claims.
   */
  ASSESSMENT_GRAPH_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
  AGENCIES_GRAPH_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
  /** Public verification: lookups allowed per client address per window (shared through Redis when set) */
  VERIFY_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  VERIFY_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Counters of the verification limiter shared by every replica; memory when unset */
  REDIS_URL: z.string().url().optional(),
  /** Results per issuance command */
  ISSUANCE_BATCH_MAX: z.coerce.number().int().min(1).max(1000).default(200),
  /** Load the demo certificates when there are none. */
  DEMO_DATA: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Config = z.infer<typeof configSchema>;

export const readConfig = (env: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, env);
