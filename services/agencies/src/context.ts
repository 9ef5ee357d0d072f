import type { RequestContext } from '@skills/service-kit';
import DataLoader from 'dataloader';
import type { AssessmentDirectory } from './assessment-client.js';
import type { CatalogueDirectory } from './catalogue-client.js';
import type { Config } from './config.js';
import type { PrismaClient } from './db.js';
import type { Agency, Institution } from './generated/prisma/client.js';

export interface Context extends RequestContext {
  prisma: PrismaClient;
  config: Config;
  catalogue: CatalogueDirectory;
  assessment: AssessmentDirectory;
  loaders: ReturnType<typeof createLoaders>;
}

/** Per-request loaders: a federated batch of N agencies or institutions is one SQL query. */
export function createLoaders(prisma: PrismaClient) {
  const byKey = <T, K extends keyof T>(rows: T[], key: K) => new Map(rows.map((r) => [r[key], r]));
  return {
    agency: new DataLoader<string, Agency | null>(async (ids) => {
      const rows = byKey(await prisma.agency.findMany({ where: { id: { in: [...ids] } } }), 'id');
      return ids.map((id) => rows.get(id) ?? null);
    }),
    institution: new DataLoader<string, Institution | null>(async (codes) => {
      const rows = byKey(
        await prisma.institution.findMany({ where: { creditCode: { in: [...codes] } } }),
        'creditCode',
      );
      return codes.map((c) => rows.get(c) ?? null);
    }),
  };
}
