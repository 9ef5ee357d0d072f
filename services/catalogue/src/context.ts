import { keyedTable, sqlOf, type RequestContext } from '@skills/service-kit';
import DataLoader from 'dataloader';
import type { PrismaClient } from './db.js';
import type { Occupation } from './generated/prisma/client.js';

export interface Context extends RequestContext {
  prisma: PrismaClient;
  loaders: ReturnType<typeof createLoaders>;
}

/**
 * The Occupation table read by code through one prepared statement (service-kit keyed.ts): the GraphQL type's
 * scalar fields and the columns they read. A field added to the type and not here makes reads take every column.
 */
export const occupationsByCode = keyedTable<Occupation>({
  table: 'Occupation',
  key: 'code',
  fields: {
    code: ['code'],
    name: ['name'],
    category: ['category'],
    categoryName: ['category'],
    skillType: ['skillType'],
    levels: ['levels'],
    standard: ['standard'],
    sources: ['sources'],
    verified: ['verified'],
    note: ['note'],
    version: ['version'],
    updatedAt: ['updatedAt'],
  },
});

/** Per-request loaders: a federated `_entities` batch of N occupations is one SQL statement, not N. */
export function createLoaders(prisma: PrismaClient) {
  const sql = sqlOf(prisma);
  return {
    occupation: new DataLoader<string, Occupation | null>((codes) => occupationsByCode.many(sql, codes)),
  };
}
