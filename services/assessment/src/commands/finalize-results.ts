// 确认最终结果: after the publication period, the results of every candidate without an open objection become
// final (FinalResult, from which certificates are issued); a candidate whose objection is open is held back until
// it is decided, then a later call finalizes them. The agency is checked again through agencies: still FILED,
// still holding the occupation × level, on the day results become final. Idempotent (one result per registration).
import { DomainError, hasPassed, unwrap, type SkillLevel } from '@skills/domain';
import { z } from 'zod';
import { managesPlan } from '../access-scope.js';
import type { Context } from '../context.js';
import { checkAgencyMayAssess } from '../domain/plan-rules.js';
import { type CommandInput, id } from './inputs.js';
import { valuesOf } from './record-score.js';
import { audit, forbidden, notFound, requireStatus } from './support.js';

export const finalizeResultsInput = z.object({ planId: id });
export type FinalizeResultsInput = CommandInput<typeof finalizeResultsInput>;

export async function finalizeResults(ctx: Context, input: FinalizeResultsInput) {
  const plan = await ctx.prisma.assessmentPlan.findUnique({ where: { id: input.planId } });
  if (!plan) throw notFound();
  if (!managesPlan(ctx.principal, plan)) throw forbidden();
  if (plan.status === 'FINALIZED') return { plan, finalized: 0, heldBack: 0 };
  requireStatus(plan, ['PUBLISHED'], '确认最终结果');
  const now = new Date();
  if (plan.publicationEndsAt && plan.publicationEndsAt > now)
    throw new DomainError('PUBLICATION_NOT_ENDED', {
      until: plan.publicationEndsAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
    });
  const agency = await ctx.agencies.agency(plan.agencyId);
  unwrap(
    checkAgencyMayAssess(
      agency,
      { kind: plan.kind, occupationCode: plan.occupationCode, level: plan.level as SkillLevel | null },
      now,
      '确认评价结果',
    ),
  );
  return ctx.prisma.$transaction(async (tx) => {
    const pending = await tx.registration.findMany({
      where: { planId: plan.id, status: 'REGISTERED', result: null },
      include: { score: true, objections: { where: { status: 'OPEN' } } },
    });
    const ready = pending.filter((r) => r.objections.length === 0);
    const rule = { theory: plan.theoryPassMark, practical: plan.practicalPassMark };
    await tx.finalResult.createMany({
      data: ready.map((r) => {
        const s = valuesOf(r.score);
        return {
          registrationId: r.id,
          planId: plan.id,
          agencyId: plan.agencyId,
          candidateId: r.candidateId,
          kind: plan.kind,
          occupationCode: plan.occupationCode,
          level: plan.level,
          theory: s.theory,
          practical: s.practical,
          passed: hasPassed(s, rule),
          finalizedAt: now,
        };
      }),
      skipDuplicates: true,
    });
    const heldBack = pending.length - ready.length;
    const updated = await tx.assessmentPlan.update({
      where: { id: plan.id },
      data: heldBack === 0 ? { status: 'FINALIZED', finalizedAt: now } : {},
    });
    await audit(tx, ctx, 'plan.results_finalized', plan.id, `${ready.length} final, ${heldBack} held back`);
    return { plan: updated, finalized: ready.length, heldBack };
  });
}
