import type { RequestContext } from '@skills/service-kit';
import DataLoader from 'dataloader';
import type { PrismaClient } from './db.js';
import type { Occupation } from './generated/prisma/client.js';

export interface Context extends RequestContext {
  prisma: PrismaClient;
  loaders: ReturnType<typeof createLoaders>;
}

/** Per-request loaders: a federated `_entities` batch of N occupations is one SQL query, not N. */
export function createLoaders(prisma: PrismaClient) {
  return {
    occupation: new DataLoader<string, Occupation | null>(async (codes) => {
      const rows = await prisma.occupation.findMany({ where: { code: { in: [...codes] } } });
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
  };
}
