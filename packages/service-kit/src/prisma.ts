// One way to open a service's Prisma client (each service passes its own generated class): the pg driver
// adapter, which works for PostgreSQL and PGlite alike, and an optional hook on every SQL statement.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { isPgliteUrl } from './database.js';
import { attachSql } from './keyed.js';
import { observePool } from './observability.js';

export interface PrismaOptions {
  /** names the pool on /metrics (db_pool_*) */
  service?: string;
  /** Called with each SQL statement (tests use it to prove batching: one query per entity batch). */
  onQuery?: (sql: string) => void;
}

interface QueryEvents {
  $on(event: 'query', listener: (e: { query: string }) => void): void;
}

/**
 * Interactive transactions wait for a connection and run longer than Prisma's defaults (2 s, 5 s) allow when many
 * commands queue on one row (a counter, an advisory lock) or on PGlite, which runs one transaction at a time: a
 * command that waits its turn is slower, not refused.
 */
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

export function openPrisma<C>(
  Client: new (options: {
    adapter: PrismaPg;
    transactionOptions: typeof TRANSACTION_OPTIONS;
    log?: { emit: 'event'; level: 'query' }[];
  }) => C,
  url: string,
  schema = 'public',
  opts: PrismaOptions = {},
): C {
  // our pool, not the adapter's, so /metrics can report it; the adapter ends it on $disconnect
  const pool = new pg.Pool({ connectionString: url, max: isPgliteUrl(url) ? 1 : 10 });
  observePool(pool, opts.service ?? schema);
  const adapter = new PrismaPg(pool, { schema, disposeExternalPool: true });
  const { onQuery } = opts;
  if (!onQuery) {
    const client = new Client({ adapter, transactionOptions: TRANSACTION_OPTIONS });
    attachSql(client as object, pool, schema);
    return client;
  }
  const client = new Client({
    adapter,
    transactionOptions: TRANSACTION_OPTIONS,
    log: [{ emit: 'event', level: 'query' }],
  });
  (client as unknown as QueryEvents).$on('query', (e) => onQuery(e.query));
  // keyed reads (keyed.ts) bypass Prisma's query events: they report to the same hook
  attachSql(client as object, pool, schema, onQuery);
  return client;
}
