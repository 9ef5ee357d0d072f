// 增设: a filed agency asks to add occupations or levels, at any level (ADR 0012), once it meets the A.4
// conditions (expansion-conditions.ts).
import { z } from 'zod';
import type { Context } from '../context.js';
import { checkExpansionConditions } from './expansion-conditions.js';
import { type CommandInput, id, requestKey, scopeRequest } from './inputs.js';
import { collegesOwn, recordSubmission, refuseIfOpen, submitOnce, validatedScope } from './support.js';

export const requestScopeChangeInput = z.object({ agencyId: id, scope: scopeRequest, requestKey });
export type RequestScopeChangeInput = CommandInput<typeof requestScopeChangeInput>;

export async function requestScopeChange(ctx: Context, input: RequestScopeChangeInput) {
  const agency = collegesOwn(
    ctx,
    await ctx.prisma.agency.findUnique({
      where: { id: input.agencyId },
      include: { institution: true },
    }),
  );
  return submitOnce(
    ctx,
    agency.institutionCode,
    input.requestKey,
    async () => {
      await checkExpansionConditions(ctx, agency.id);
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
