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

export interface PlanResultSummary {
  planId: string;
  finalized: number;
  passed: number;
  openObjections: number;
}

/** Per-request loaders: N plans or candidates of a page are one SQL query. */
export function createLoaders(prisma: PrismaClient) {
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  return {
    plan: new DataLoader<string, AssessmentPlan | null>(async (ids) => {
      const rows = byId(await prisma.assessmentPlan.findMany({ where: { id: { in: [...ids] } } }));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    /** per plan: final results, how many passed, objections still open — one statement for a page of plans */
    resultSummary: new DataLoader<string, PlanResultSummary>(async (ids) => {
      const rows = await prisma.$queryRaw<
        { planId: string; finalized: number; passed: number; openObjections: number }[]
      >`SELECT p."id" AS "planId",
          (SELECT count(*)::int FROM "FinalResult" f WHERE f."planId" = p."id") AS "finalized",
          (SELECT count(*)::int FROM "FinalResult" f WHERE f."planId" = p."id" AND f."passed") AS "passed",
          (SELECT count(*)::int FROM "Objection" o JOIN "Registration" r ON r."id" = o."registrationId"
             WHERE r."planId" = p."id" AND o."status" = 'OPEN') AS "openObjections"
        FROM "AssessmentPlan" p WHERE p."id" = ANY(${[...ids]})`;
      const by = new Map(rows.map((r) => [r.planId, r]));
      return ids.map((id) => by.get(id) ?? { planId: id, finalized: 0, passed: 0, openObjections: 0 });
    }),
    candidate: new DataLoader<string, Candidate | null>(async (ids) => {
      const rows = byId(await prisma.candidate.findMany({ where: { id: { in: [...ids] } } }));
      return ids.map((id) => rows.get(id) ?? null);
    }),
  };
}
