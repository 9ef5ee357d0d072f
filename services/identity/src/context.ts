import type { RequestContext } from '@skills/service-kit';
import DataLoader from 'dataloader';
import type { Config } from './config.js';
import type { PrismaClient } from './db.js';
import type { Prisma } from './generated/prisma/client.js';
import type { KeyStore } from './keys.js';

export interface Context extends RequestContext {
  prisma: PrismaClient;
  keys: KeyStore;
  config: Config;
  loaders: ReturnType<typeof createLoaders>;
}

const actorSelect = {
  id: true,
  displayName: true,
  organisation: { select: { name: true } },
} satisfies Prisma.AccountSelect;

/** What the graph shows of an account that acted on something (办理人). */
export type ActorRow = Prisma.AccountGetPayload<{ select: typeof actorSelect }>;

/**
 * Per-request loaders: a federated `_entities` batch of N actors is one SQL query — accounts and their
 * organisations in one statement (a lateral join: Prisma's relationJoins), not one per account or per relation.
 */
export function createLoaders(prisma: PrismaClient) {
  return {
    actor: new DataLoader<string, ActorRow | null>(async (ids) => {
      const rows = await prisma.account.findMany({
        where: { id: { in: [...ids] } },
        select: actorSelect,
        relationLoadStrategy: 'join',
      });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
