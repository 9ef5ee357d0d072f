// 提出异议: during 公示 the candidate (or the agency on their behalf) objects to a result; the candidate's result is
// held back until the objection is decided. Idempotent per registration and request key.
import { DomainError } from '@skills/domain';
import { z } from 'zod';
import { managesPlan } from '../access-scope.js';
import type { Context } from '../context.js';
import { type CommandInput, id, requestKey } from './inputs.js';
import { audit, forbidden, notFound, requireStatus } from './support.js';

export const raiseObjectionInput = z.object({
  registrationId: id,
  reason: z.string().trim().min(1, '请填写异议内容').max(500, '异议内容不能超过 500 个字'),
  requestKey,
});
export type RaiseObjectionInput = CommandInput<typeof raiseObjectionInput>;

export async function raiseObjection(ctx: Context, input: RaiseObjectionInput) {
  const reg = await ctx.prisma.registration.findUnique({
    where: { id: input.registrationId },
    include: { plan: true, candidate: true },
  });
  if (!reg) throw notFound();
  const own = !!ctx.principal.id && reg.candidate.accountId === ctx.principal.id;
  if (!own && !managesPlan(ctx.principal, reg.plan)) throw forbidden();
  if (input.requestKey) {
    const earlier = await ctx.prisma.objection.findUnique({
      where: { registrationId_requestKey: { registrationId: reg.id, requestKey: input.requestKey } },
    });
    if (earlier) return earlier;
  }
  requireStatus(reg.plan, ['PUBLISHED'], '提出异议');
  if (reg.plan.publicationEndsAt && reg.plan.publicationEndsAt <= new Date())
    throw new DomainError('OBJECTION_PERIOD_OVER');
  return ctx.prisma.$transaction(async (tx) => {
    const o = await tx.objection.create({
      data: {
        registrationId: reg.id,
        reason: input.reason,
        raisedBy: ctx.principal.id,
        requestKey: input.requestKey ?? null,
      },
    });
    await audit(tx, ctx, 'objection.raised', o.id, input.reason);
    return o;
  });
}
