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
  /** Occupation and 专项 project names for the PDF and the credential (catalogue): the graph by default */
  CATALOGUE_GRAPH_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
  /** The public site: the QR code and the credential id are `${PUBLIC_BASE_URL}/public/verify?number=…` */
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .default('http://127.0.0.1:5173')
    .transform((u) => u.replace(/\/+$/, '')),
  /**
   * Where this service's /credentials/* (JWKS, status lists) is reachable from outside; issuers' ids are
   * `${CREDENTIALS_BASE_URL}/credentials/issuers/<code>`. Defaults to PUBLIC_BASE_URL (the Ingress routes it here).
   */
  CREDENTIALS_BASE_URL: z
    .string()
    .url()
    .optional()
    .transform((u) => u?.replace(/\/+$/, '')),
  /**
   * Seals the issuers' private signing keys in the database (ADR 0017), from the Secret; at least 32 characters.
   * Unset: derived from CLAIMS_SECRET under its own label (development and tests; set it in production).
   */
  CREDENTIAL_KEY_SECRET: z
    .string()
    .min(32, 'CREDENTIAL_KEY_SECRET must be at least 32 characters')
    .optional(),
  /** Load the demo certificates when there are none. */
  DEMO_DATA: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Config = z.infer<typeof configSchema>;

export const readConfig = (env: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, env);
