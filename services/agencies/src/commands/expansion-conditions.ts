// 增设的条件 (A.4, ADR 0012): 「对备案期内管理规范、无违规记录且达到一定评价数量的评价机构可申请增设」 — filed, no
// violation in the current filing period, and the evaluations of that period (the assessment subgraph's count)
// at least the city's minimum (ExpansionPolicy). Checked when an expansion is applied for and again when it is
// approved; a count that cannot be read refuses (EVALUATION_COUNT_UNAVAILABLE), never passes.
import { DomainError, findRegion } from '@skills/domain';
import type { Context } from '../context.js';
import { periodStartOf } from '../domain/periods.js';
import { checkExpansion, checkExpansionRecord } from '../domain/scope-rules.js';
import { cityOf, effectiveStatus } from '../domain/workflow.js';

export async function checkExpansionConditions(ctx: Context, agencyId: string): Promise<void> {
  const agency = await ctx.prisma.agency.findUniqueOrThrow({
    where: { id: agencyId },
    include: { violations: true, periods: true },
  });
  const record = {
    agencyStatus: effectiveStatus(agency),
    periodStart: agency.periods.length ? periodStartOf(agency.periods) : new Date(0),
    violations: agency.violations,
  };
  const refused = checkExpansionRecord(record);
  if (refused) throw refused;
  const city = cityOf(agency.regionCode);
  const policy = await ctx.prisma.expansionPolicy.findUnique({ where: { cityCode: city } });
  if (!policy) throw new DomainError('EXPANSION_POLICY_UNSET', { city: findRegion(city)?.name ?? city });
  const volume = await ctx.assessment.evaluationCount(agency.id, record.periodStart);
  const short = checkExpansion({ ...record, volume, minVolume: policy.minEvaluations });
  if (short) throw short;
}
