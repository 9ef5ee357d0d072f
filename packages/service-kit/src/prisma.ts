// One way to open a service's Prisma client (each service passes its own generated class): the pg driver
// adapter, which works for PostgreSQL and PGlite alike, and an optional hook on every SQL statement.
import { PrismaPg } from '@prisma/adapter-pg';

export interface PrismaOptions {
  /** Called with each SQL statement (tests use it to prove batching: one query per entity batch). */
  onQuery?: (sql: string) => void;
}

interface QueryEvents {
  $on(event: 'query', listener: (e: { query: string }) => void): void;
}

export function openPrisma<C>(
  Client: new (options: { adapter: PrismaPg; log?: { emit: 'event'; level: 'query' }[] }) => C,
  url: string,
  schema = 'public',
  opts: PrismaOptions = {},
): C {
  const adapter = new PrismaPg({ connectionString: url, max: 10 }, { schema });
  const { onQuery } = opts;
  if (!onQuery) return new Client({ adapter });
  const client = new Client({ adapter, log: [{ emit: 'event', level: 'query' }] });
  (client as unknown as QueryEvents).$on('query', (e) => onQuery(e.query));
  return client;
}
