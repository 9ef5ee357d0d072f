import type { RequestContext } from '@skills/service-kit';
import DataLoader from 'dataloader';
import type { AgencyDirectory } from './agencies-client.js';
import type { Config } from './config.js';
import type { PrismaClient } from './db.js';
import type { AssessmentPlan, Candidate } from './generated/prisma/client.js';

export interface Context extends RequestContext {
  prisma: PrismaClient;
  config: Config;
  agencies: AgencyDirectory;
  loaders: ReturnType<typeof createLoaders>;
}

/** Per-request loaders: N plans or candidates of a page are one SQL query. */
export function createLoaders(prisma: PrismaClient) {
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  return {
    plan: new DataLoader<string, AssessmentPlan | null>(async (ids) => {
      const rows = byId(await prisma.assessmentPlan.findMany({ where: { id: { in: [...ids] } } }));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    candidate: new DataLoader<string, Candidate | null>(async (ids) => {
      const rows = byId(await prisma.candidate.findMany({ where: { id: { in: [...ids] } } }));
      return ids.map((id) => rows.get(id) ?? null);
    }),
  };
}
