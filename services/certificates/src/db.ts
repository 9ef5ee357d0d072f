import { openPrisma } from '@skills/service-kit';
import { PrismaClient } from './generated/prisma/client.js';

export type { PrismaClient };

/** One Prisma client per process, over the pg driver adapter (works for PostgreSQL and PGlite alike). */
export const createPrisma = (url: string, schema = 'public', onQuery?: (sql: string) => void): PrismaClient =>
  openPrisma(PrismaClient, url, schema, onQuery ? { onQuery } : {});
