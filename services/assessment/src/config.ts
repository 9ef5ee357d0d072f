import { baseConfigSchema, loadConfig } from '@skills/service-kit';
import { z } from 'zod';

export const configSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4003),
  /**
   * Where the agencies' facts (status, scope) come from: the graph (the gateway) by default, or the agencies
   * subgraph itself; either way the call carries this service's own signed claims.
   */
  AGENCIES_GRAPH_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
  /** 公示期 (working days); 0 ends the publication at once (tests and demos only) */
  PUBLICATION_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(5),
  /** Public holidays that are not working days (YYYY-MM-DD, comma-separated) */
  PUBLICATION_HOLIDAYS: z
    .string()
    .default('')
    .transform(
      (s) =>
        new Set(
          s
            .split(',')
            .map((d) => d.trim())
            .filter(Boolean),
        ),
    ),
  /** How often inspections' violations not yet recorded in agencies are delivered again (once across replicas). */
  VIOLATION_DELIVERY_SECONDS: z.coerce.number().min(0.2).max(3600).default(30),
  /** Load the Quanzhou demo candidates and plans when there are none. */
  DEMO_DATA: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Config = z.infer<typeof configSchema>;

export const readConfig = (env: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, env);
