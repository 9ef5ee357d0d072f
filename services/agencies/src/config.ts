import { baseConfigSchema, loadConfig } from '@skills/service-kit';
import { z } from 'zod';

export const configSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4002),
  /** Where the catalogue facts come from: the graph (the gateway) by default. */
  CATALOGUE_GRAPH_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
  /** 备案有效期 (years) */
  FILING_PERIOD_YEARS: z.coerce.number().int().min(1).max(10).default(3),
  /**
   * The assessment subgraph (ASSESSMENT_URL, as platform.json names subgraph URLs), asked for an agency's
   * evaluation count with this service's claims. Unset: the count is unavailable and expansion is refused.
   */
  /** How often the expiry sweep (到期) runs, once across all replicas. */
  EXPIRY_SWEEP_SECONDS: z.coerce.number().min(1).max(86_400).default(3600),
  ASSESSMENT_URL: z.string().url().optional(),
  /** Synthetic filed agencies for load tests and benchmarks (0 = none). */
  DEMO_BULK_AGENCIES: z.coerce.number().int().min(0).max(100_000).default(0),
  /** Load the Quanzhou demo colleges and filings when the register is empty. */
  DEMO_DATA: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Config = z.infer<typeof configSchema>;

export const readConfig = (env: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, env);
