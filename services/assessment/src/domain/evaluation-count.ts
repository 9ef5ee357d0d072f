// 评价数量 (ADR 12): candidates of the agency whose result became final since a date, passed or not; one candidate
// counts once per occupation and level (a resit is not a second evaluation).
import type { PrismaClient } from '../db.js';

export async function evaluationCount(prisma: PrismaClient, agencyId: string, since: Date): Promise<number> {
  const rows = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (
      SELECT DISTINCT "candidateId", "occupationCode", COALESCE("level", 0)
      FROM "FinalResult" WHERE "agencyId" = ${agencyId} AND "finalizedAt" >= ${since}
    ) AS evaluated`;
  return Number(rows[0]?.n ?? 0);
}
