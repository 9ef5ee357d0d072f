// 整改完毕: the HR bureau of the region closes a violation with a note on the rectification. Closing twice is a
// no-op.
import { DomainError } from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import { z } from 'zod';
import { BUREAU_HR } from '../access-scope.js';
import type { Context } from '../context.js';
import { type CommandInput, id, optionalText } from './inputs.js';
import { forbidden, recordEvent } from './support.js';

export const closeViolationInput = z.object({ violationId: id, note: optionalText(1000, '整改情况') });
export type CloseViolationInput = CommandInput<typeof closeViolationInput>;

export async function closeViolation(ctx: Context, input: CloseViolationInput) {
  const v = await ctx.prisma.violation.findUnique({
    where: { id: input.violationId },
    include: { agency: true },
  });
  if (!v) throw new DomainError('NOT_FOUND');
  if (!principalCan(ctx.principal, BUREAU_HR, { regionCode: v.agency.regionCode })) throw forbidden();
  const note = input.note;
  if (!note) throw new DomainError('REASON_REQUIRED');
  if (v.closedAt) return v;
  return ctx.prisma.$transaction(async (tx) => {
    const closed = await tx.violation.update({
      where: { id: v.id },
      data: { closedAt: new Date(), closedBy: ctx.principal.id, closingNote: note },
    });
    await recordEvent(tx, ctx, { agencyId: v.agencyId, type: 'VIOLATION_CLOSED', reason: note });
    return closed;
  });
}
