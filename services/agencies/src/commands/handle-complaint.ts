// 投诉办结: a bureau (HR or education) of the agency's region closes a complaint with what it did. Closing twice
// keeps the first note.
import { DomainError } from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import { z } from 'zod';
import { BUREAUS } from '../access-scope.js';
import type { Context } from '../context.js';
import { type CommandInput, id } from './inputs.js';
import { forbidden } from './support.js';

export const handleComplaintInput = z.object({
  complaintId: id,
  note: z.string().trim().min(2, '请填写处理情况').max(1000, '处理情况不能超过 1000 个字'),
});
export type HandleComplaintInput = CommandInput<typeof handleComplaintInput>;

export async function handleComplaint(ctx: Context, input: HandleComplaintInput) {
  const c = await ctx.prisma.complaint.findUnique({ where: { id: input.complaintId } });
  if (!c) throw new DomainError('NOT_FOUND');
  if (!principalCan(ctx.principal, BUREAUS, { regionCode: c.regionCode })) throw forbidden();
  if (c.status === 'HANDLED') return c;
  const moved = await ctx.prisma.complaint.updateMany({
    where: { id: c.id, status: 'OPEN' },
    data: { status: 'HANDLED', handledBy: ctx.principal.id, handledAt: new Date(), handlingNote: input.note },
  });
  if (moved.count !== 1) throw new DomainError('CONFLICT');
  return ctx.prisma.complaint.findUniqueOrThrow({ where: { id: c.id } });
}
