// 安排考场/考站: a theory room or a practical station of a plan, run by the agency's own staff at its own site.
// A session run by another operator is refused (不得转包、外包, A.6); one found on site by an inspection becomes a
// violation (record-inspection.ts). Replaying a request key returns the session it created.
import { DomainError } from '@skills/domain';
import { badInput } from '@skills/service-kit';
import { z } from 'zod';
import { managesPlan } from '../access-scope.js';
import type { Context } from '../context.js';
import { SessionKind } from '../generated/prisma/enums.js';
import { type CommandInput, id, optionalText, requestKey } from './inputs.js';
import { audit, forbidden, notFound, requireStatus } from './support.js';

export const addSessionInput = z.object({
  planId: id,
  kind: z.enum(SessionKind),
  name: z.string().trim().min(1, '请填写考场名称').max(40, '考场名称不能超过 40 个字'),
  site: z.string().trim().min(1, '请填写考核场地').max(100, '考核场地不能超过 100 个字'),
  startsAt: z.date(),
  endsAt: z.date(),
  ownOperation: z.boolean().nullish(),
  operatorName: optionalText(60, '组织实施单位'),
  requestKey,
});
export type AddSessionInput = CommandInput<typeof addSessionInput>;

export async function addSession(ctx: Context, input: AddSessionInput) {
  const plan = await ctx.prisma.assessmentPlan.findUnique({ where: { id: input.planId } });
  if (!plan) throw notFound();
  if (!managesPlan(ctx.principal, plan)) throw forbidden();
  if (input.startsAt >= input.endsAt) throw badInput('endsAt', '结束时间应晚于开始时间');
  requireStatus(plan, ['OPEN', 'CLOSED'], '安排考场');
  if (input.ownOperation === false) throw new DomainError('OUTSOURCED_SESSION', { session: input.name });
  const key = input.requestKey ?? null;
  // the key is scoped to the plan, which only its college manages
  const earlier = () =>
    key
      ? ctx.prisma.assessmentSession.findUnique({
          where: { planId_requestKey: { planId: plan.id, requestKey: key } },
        })
      : Promise.resolve(null);
  const replayed = await earlier();
  if (replayed) return replayed;
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const session = await tx.assessmentSession.create({
        data: {
          planId: plan.id,
          kind: input.kind,
          name: input.name,
          site: input.site,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          requestKey: key,
        },
      });
      await audit(tx, ctx, 'session.added', session.id, `${plan.id} ${input.name}`);
      return session;
    });
  } catch (e) {
    const again = await earlier();
    if (again) return again;
    throw e;
  }
}
