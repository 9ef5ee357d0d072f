// 报名: a candidate registers for a plan — a college registers its own student, a signed-in social candidate
// registers themself. The eligibility rules of packages/domain decide (students: the school-type cap, never above
// 三级; social candidates: prior certificate and years of work), each refusal naming its rule in Chinese. A
// student may register for several plans (一专多能). Idempotent per plan and candidate; the capacity holds under
// concurrency (one conditional UPDATE of the plan's count in the registering transaction).
import { checkEligibility, chinaDate, DomainError, unwrap, type SkillLevel } from '@skills/domain';
import { z } from 'zod';
import { managesPlan } from '../access-scope.js';
import type { Context } from '../context.js';
import { priorCertificates } from '../domain/json-columns.js';
import type { AssessmentPlan, Candidate } from '../generated/prisma/client.js';
import { type CommandInput, id } from './inputs.js';
import { audit, forbidden, isUniqueViolation, notFound, type Tx } from './support.js';

export const registerForPlanInput = z.object({ planId: id, candidateId: id.nullish() });
export type RegisterForPlanInput = CommandInput<typeof registerForPlanInput>;

/** Open for registration now: status OPEN and before the closing time. */
export function checkOpen(plan: AssessmentPlan, now = new Date()) {
  if (plan.status !== 'OPEN') throw new DomainError('PLAN_NOT_OPEN', { reason: '不在报名阶段' });
  if (plan.registrationClosesAt <= now)
    throw new DomainError('PLAN_NOT_OPEN', {
      reason: `已于 ${chinaDate(plan.registrationClosesAt)} 截止报名`,
    });
}

/** The rules of packages/domain on this candidate and this plan's target. */
export function checkCandidateFor(plan: AssessmentPlan, c: Candidate) {
  if (c.category === 'STUDENT' && c.institutionCode !== plan.institutionCode)
    throw new DomainError('CANDIDATE_OTHER_COLLEGE');
  const prior = priorCertificates
    .parse(c.priorCertificates)
    .filter((p) => p.occupationCode === plan.occupationCode)
    .map((p) => p.level as SkillLevel);
  unwrap(
    checkEligibility(
      { category: c.category, schoolType: c.schoolType, priorLevels: prior, workYears: c.workYears },
      plan.occupationCode,
      plan.kind === 'SPECIAL_ABILITY' ? 'SPECIAL_ABILITY' : (plan.level as SkillLevel),
    ),
  );
}

/** Takes one place of the plan, or refuses with PLAN_FULL; rolled back with the transaction. */
export async function takePlaces(tx: Tx, plan: AssessmentPlan, n = 1) {
  const taken = await tx.$executeRaw`
    UPDATE "AssessmentPlan" SET "registeredCount" = "registeredCount" + ${n}
    WHERE "id" = ${plan.id} AND "status" = 'OPEN' AND "registeredCount" + ${n} <= "capacity"`;
  if (taken !== 1) throw new DomainError('PLAN_FULL', { capacity: plan.capacity });
}

export async function registerForPlan(ctx: Context, input: RegisterForPlanInput) {
  const plan = await ctx.prisma.assessmentPlan.findUnique({ where: { id: input.planId } });
  if (!plan) throw notFound();
  let candidate: Candidate | null;
  if (input.candidateId) {
    if (!managesPlan(ctx.principal, plan)) throw forbidden();
    candidate = await ctx.prisma.candidate.findUnique({ where: { id: input.candidateId } });
  } else {
    if (ctx.principal.kind !== 'user' || !ctx.principal.id) throw forbidden();
    candidate = await ctx.prisma.candidate.findUnique({ where: { accountId: ctx.principal.id } });
  }
  if (!candidate) throw notFound();
  const key = { planId_candidateId: { planId: plan.id, candidateId: candidate.id } };
  const earlier = await ctx.prisma.registration.findUnique({ where: key });
  if (earlier) return earlier;
  checkOpen(plan);
  checkCandidateFor(plan, candidate);
  const c = candidate;
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      await takePlaces(tx, plan);
      const r = await tx.registration.create({
        data: { planId: plan.id, candidateId: c.id, createdBy: ctx.principal.id },
      });
      await audit(tx, ctx, 'registration.created', r.id, plan.id);
      return r;
    });
  } catch (e) {
    // the same registration sent twice at once: the second hit the unique key (its place was rolled back)
    if (isUniqueViolation(e)) {
      const replayed = await ctx.prisma.registration.findUnique({ where: key });
      if (replayed) return replayed;
    }
    throw e;
  }
}
