// 补正后重新提交: the college resubmits a returned filing, optionally with a corrected scope that is checked by the
// same rules as the original request.
import { DomainError } from '@skills/domain';
import { z } from 'zod';
import type { Context } from '../context.js';
import { type CommandInput, id, optionalText, scopeRequest } from './inputs.js';
import { moveFiling } from './move-filing.js';
import { validatedScope } from './support.js';

export const resubmitFilingInput = z.object({
  filingId: id,
  note: optionalText(500, '补正说明'),
  scope: scopeRequest.nullish(),
});
export type ResubmitFilingInput = CommandInput<typeof resubmitFilingInput>;

export function resubmitFiling(ctx: Context, input: ResubmitFilingInput) {
  const corrected = input.scope;
  return moveFiling(ctx, {
    filingId: input.filingId,
    action: 'RESUBMIT',
    reason: input.note,
    check: async (filing) => {
      if (!corrected) return;
      // only a filing that asked for scope (not a renewal) may change it
      if (filing.type === 'RENEWAL') throw new DomainError('SCOPE_NOT_CHANGEABLE');
      const institution = await ctx.prisma.institution.findUniqueOrThrow({
        where: { creditCode: filing.agency.institutionCode },
      });
      const expansion = filing.type === 'SCOPE_CHANGE';
      return {
        scope: await validatedScope(ctx, institution.schoolType, filing.agency.kind, corrected, expansion),
      };
    },
  });
}
