// 增设: a filed agency asks to add occupations or levels, 技师 (二级) and up included (A.4 conditions first).
import { z } from 'zod';
import type { Context } from '../context.js';
import { periodStartOf } from '../domain/periods.js';
import { checkExpansion } from '../domain/scope-rules.js';
import { type CommandInput, id, requestKey, scopeRequest } from './inputs.js';
import { collegesOwn, recordSubmission, refuseIfOpen, submitOnce, validatedScope } from './support.js';

export const requestScopeChangeInput = z.object({ agencyId: id, scope: scopeRequest, requestKey });
export type RequestScopeChangeInput = CommandInput<typeof requestScopeChangeInput>;

export async function requestScopeChange(ctx: Context, input: RequestScopeChangeInput) {
  const agency = collegesOwn(
    ctx,
    await ctx.prisma.agency.findUnique({
      where: { id: input.agencyId },
      include: { institution: true, violations: true, periods: true },
    }),
  );
  return submitOnce(
    ctx,
    agency.institutionCode,
    input.requestKey,
    async () => {
      const blocked = checkExpansion({
        agencyStatus: agency.status,
        periodStart: periodStartOf(agency.periods),
        violations: agency.violations,
        volume: null, // the assessment subgraph will report this (seam: see config EXPANSION_MIN_EVALUATIONS)
        minVolume: ctx.config.EXPANSION_MIN_EVALUATIONS,
      });
      if (blocked) throw blocked;
      await refuseIfOpen(ctx.prisma, agency.id);
      return validatedScope(ctx, agency.institution.schoolType, agency.kind, input.scope, true);
    },
    (tx, scope) =>
      recordSubmission(tx, ctx, {
        agencyId: agency.id,
        type: 'SCOPE_CHANGE',
        scope,
        regionCode: agency.regionCode,
        requestKey: input.requestKey,
      }),
  );
}
