import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

export type { PrismaClient };

export function createPrisma(url: string, schema = 'public', onQuery?: (sql: string) => void): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: 10 }, { schema });
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (e) => onQuery(e.query));
  return client;
}
