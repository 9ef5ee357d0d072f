// 成绩公示: the agency publishes a plan's results for the publication period (default 5 working days,
// PUBLICATION_WORKING_DAYS). Every registered candidate needs both parts recorded (a score or a 缺考/违纪 mark);
// every session must be staffed to the plan's ratio, by the agency's own staff, with no assessor related to a
// candidate (回避).
import {
  checkStaffing,
  CONFLICT_RELATION_NAMES,
  DEFAULT_STAFFING_RULE,
  DomainError,
  maskIdNumber,
  publicationEnd,
  unwrap,
} from '@skills/domain';
import { z } from 'zod';
import { managesPlan } from '../access-scope.js';
import type { Context } from '../context.js';
import { conflicts } from '../domain/json-columns.js';
import { type CommandInput, id } from './inputs.js';
import { conflictOf } from './assign-session-staff.js';
import { audit, forbidden, notFound, requireStatus } from './support.js';

export const publishResultsInput = z.object({ planId: id });
export type PublishResultsInput = CommandInput<typeof publishResultsInput>;

export async function publishResults(ctx: Context, input: PublishResultsInput) {
  const plan = await ctx.prisma.assessmentPlan.findUnique({
    where: { id: input.planId },
    include: { sessions: { include: { staff: true } } },
  });
  if (!plan) throw notFound();
  if (!managesPlan(ctx.principal, plan)) throw forbidden();
  if (plan.status === 'PUBLISHED') return plan;
  requireStatus(plan, ['OPEN', 'CLOSED'], '公示成绩');
  const registered = await ctx.prisma.registration.count({
    where: { planId: plan.id, status: 'REGISTERED' },
  });
  const missing = await ctx.prisma.registration.findMany({
    where: {
      planId: plan.id,
      status: 'REGISTERED',
      OR: [
        { score: null },
        { score: { theory: null, theoryMark: 'PRESENT' } },
        { score: { practical: null, practicalMark: 'PRESENT' } },
      ],
    },
    include: { candidate: true },
    take: 20,
  });
  if (missing.length)
    throw new DomainError(
      'VALIDATION_FAILED',
      {},
      {
        missingScores: missing.map((r) => ({ registrationId: r.id, name: r.candidate.name })),
        message: `尚有考生未录入理论或实操成绩：${missing.map((r) => r.candidate.name).join('、')}`,
      },
    );
  const rule = { ...DEFAULT_STAFFING_RULE, candidatesPerAssessor: plan.candidatesPerAssessor };
  for (const kind of ['THEORY', 'PRACTICAL'] as const) {
    const sessions = plan.sessions.filter((s) => s.kind === kind);
    if (!sessions.length)
      throw new DomainError('STAFFING_INSUFFICIENT', {
        session: kind === 'THEORY' ? '理论考场' : '实操考站',
        detail: '尚未安排',
      });
    // candidates are spread over the sessions of a kind
    const each = Math.ceil(registered / sessions.length);
    for (const s of sessions) {
      const assessors = s.staff.filter((x) => x.role === 'ASSESSOR');
      unwrap(checkStaffing({ name: s.name, kind }, assessors.length, each, rule));
      for (const a of assessors) {
        const hit = await conflictOf(ctx.prisma, plan.id, conflicts.parse(a.conflicts));
        if (hit)
          throw new DomainError('ASSESSOR_CONFLICT', {
            assessor: a.name,
            candidate: `${hit.candidate.name}（${maskIdNumber(hit.candidate.idNumber)}）`,
            relation: CONFLICT_RELATION_NAMES[hit.relation],
          });
      }
    }
  }
  const now = new Date();
  return ctx.prisma.$transaction(async (tx) => {
    const published = await tx.assessmentPlan.update({
      where: { id: plan.id },
      data: {
        status: 'PUBLISHED',
        publishedAt: now,
        publicationEndsAt: publicationEnd(
          now,
          ctx.config.PUBLICATION_WORKING_DAYS,
          ctx.config.PUBLICATION_HOLIDAYS,
        ),
      },
    });
    await audit(tx, ctx, 'plan.published', plan.id);
    return published;
  });
}
