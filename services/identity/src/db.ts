import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

export type { PrismaClient };

export interface PrismaOptions {
  /** Called with each SQL statement (tests use it to prove batching: one query per entity batch). */
  onQuery?: (sql: string) => void;
}

export function createPrisma(url: string, schema = 'public', opts: PrismaOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: 10 }, { schema });
  if (!opts.onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  const onQuery = opts.onQuery;
  client.$on('query', (e) => onQuery(e.query));
  return client;
}
