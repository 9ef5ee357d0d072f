// 处理异议: the agency (谁评价、谁负责) or the region's HR bureau decides an objection — upheld (the score is
// corrected with recordScore before deciding) or dismissed — with its reason. The candidate's result can then
// become final.
import { DomainError } from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import { z } from 'zod';
import { BUREAU_HR, managesPlan } from '../access-scope.js';
import type { Context } from '../context.js';
import { type CommandInput, id } from './inputs.js';
import { audit, forbidden, notFound } from './support.js';

export const decideObjectionInput = z.object({
  objectionId: id,
  upheld: z.boolean(),
  decision: z.string().trim().min(1, '请填写处理意见').max(500, '处理意见不能超过 500 个字'),
});
export type DecideObjectionInput = CommandInput<typeof decideObjectionInput>;

export async function decideObjection(ctx: Context, input: DecideObjectionInput) {
  const o = await ctx.prisma.objection.findUnique({
    where: { id: input.objectionId },
    include: { registration: { include: { plan: true } } },
  });
  if (!o) throw notFound();
  const { plan } = o.registration;
  if (
    !managesPlan(ctx.principal, plan) &&
    !principalCan(ctx.principal, BUREAU_HR, { regionCode: plan.regionCode })
  )
    throw forbidden();
  if (o.status !== 'OPEN') throw new DomainError('CONFLICT');
  return ctx.prisma.$transaction(async (tx) => {
    const decided = await tx.objection.updateMany({
      where: { id: o.id, status: 'OPEN' },
      data: {
        status: input.upheld ? 'UPHELD' : 'DISMISSED',
        decision: input.decision,
        decidedBy: ctx.principal.id,
        decidedAt: new Date(),
      },
    });
    if (decided.count !== 1) throw new DomainError('CONFLICT');
    await audit(tx, ctx, input.upheld ? 'objection.upheld' : 'objection.dismissed', o.id, input.decision);
    return tx.objection.findUniqueOrThrow({ where: { id: o.id } });
  });
}
