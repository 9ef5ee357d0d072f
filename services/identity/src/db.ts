import { openPrisma, type PrismaOptions } from '@skills/service-kit';
import { PrismaClient } from './generated/prisma/client.js';

export type { PrismaClient, PrismaOptions };

/** One Prisma client per process, over the pg driver adapter (works for PostgreSQL and PGlite alike). */
export const createPrisma = (url: string, schema = 'public', opts: PrismaOptions = {}): PrismaClient =>
  openPrisma(PrismaClient, url, schema, opts);
