// 录入成绩: theory and practical (0..100, one decimal) with 缺考/违纪 marks, by the agency's staff or its assessors,
// while the plan runs — or during 公示 for a candidate whose objection is open. The theory score may be replaced
// only by the 结课综合考试成绩 of the candidate's own major, where the plan allows it. Every changed value goes to
// the work ledger (工作台账) with old and new value, who and why.
import { checkScoreValue, DomainError, unwrap } from '@skills/domain';
import { z } from 'zod';
import { scoresPlan } from '../access-scope.js';
import type { Context } from '../context.js';
import type { AssessmentPlan, Candidate, Score } from '../generated/prisma/client.js';
import { ScoreMark } from '../generated/prisma/enums.js';
import { type CommandInput, id } from './inputs.js';
import { forbidden, notFound, requireStatus, type Tx } from './support.js';

export const recordScoreInput = z.object({
  registrationId: id,
  theory: z.number().nullish(),
  theoryMark: z.enum(ScoreMark).nullish(),
  practical: z.number().nullish(),
  practicalMark: z.enum(ScoreMark).nullish(),
  /** replaces the theory score with this course record (课证融通) */
  courseRecordId: id.nullish(),
  reason: z.string().trim().min(1, '请填写录入或修改成绩的原因').max(200, '原因不能超过 200 个字'),
});
export type RecordScoreInput = CommandInput<typeof recordScoreInput>;

/** The values a score row takes, from what is given (what is not given keeps its value). */
export interface ScoreValues {
  theory: number | null;
  theoryMark: ScoreMark;
  theorySource: 'EXAM' | 'COURSE_SUBSTITUTION';
  courseRecordId: string | null;
  practical: number | null;
  practicalMark: ScoreMark;
}

export const valuesOf = (s: Score | null): ScoreValues => ({
  theory: s?.theory?.toNumber() ?? null,
  theoryMark: s?.theoryMark ?? 'PRESENT',
  theorySource: s?.theorySource ?? 'EXAM',
  courseRecordId: s?.courseRecordId ?? null,
  practical: s?.practical?.toNumber() ?? null,
  practicalMark: s?.practicalMark ?? 'PRESENT',
});

/** An absent or cheating candidate has no score for that part. */
export function normalise(v: ScoreValues): ScoreValues {
  return {
    ...v,
    theory: v.theoryMark === 'PRESENT' ? v.theory : null,
    practical: v.practicalMark === 'PRESENT' ? v.practical : null,
  };
}

const FIELDS = [
  'theory',
  'theoryMark',
  'theorySource',
  'courseRecordId',
  'practical',
  'practicalMark',
] as const;

/** Writes the score and one ledger row per changed field; nothing when nothing changed. */
export async function writeScore(
  tx: Tx,
  ctx: Pick<Context, 'principal'>,
  registrationId: string,
  planId: string,
  before: ScoreValues,
  after: ScoreValues,
  reason: string,
  via: string,
) {
  const changes = FIELDS.filter((f) => before[f] !== after[f]).map((f) => ({
    registrationId,
    planId,
    field: f,
    oldValue: before[f] === null ? null : String(before[f]),
    newValue: after[f] === null ? null : String(after[f]),
    actorId: ctx.principal.id,
    reason,
    via,
  }));
  if (!changes.length) return;
  await tx.score.upsert({
    where: { registrationId },
    create: { registrationId, ...after, updatedBy: ctx.principal.id },
    update: { ...after, updatedBy: ctx.principal.id },
  });
  await tx.scoreChange.createMany({ data: changes });
}

/** The course record may replace the theory score: the plan allows it, and it is of the candidate's own major. */
export async function substitution(
  db: Tx,
  plan: AssessmentPlan,
  candidate: Candidate,
  courseRecordId: string,
) {
  if (!plan.allowCourseSubstitution) throw new DomainError('SUBSTITUTION_NOT_ALLOWED');
  const record = await db.courseRecord.findUnique({ where: { id: courseRecordId } });
  if (!record || record.candidateId !== candidate.id)
    throw new DomainError('SUBSTITUTION_NEEDS_OWN_MAJOR', { detail: '该课程成绩不是本考生的成绩记录' });
  if (candidate.category !== 'STUDENT' || record.majorCode !== candidate.majorCode)
    throw new DomainError('SUBSTITUTION_NEEDS_OWN_MAJOR', {
      detail: `考生本专业为 ${candidate.majorCode ?? '（未登记）'}，课程成绩属于专业 ${record.majorCode}`,
    });
  if (plan.majorCodes.length && !plan.majorCodes.includes(record.majorCode))
    throw new DomainError('SUBSTITUTION_NEEDS_OWN_MAJOR', {
      detail: `专业 ${record.majorCode} 不是本计划对接的专业（${plan.majorCodes.join('、')}）`,
    });
  return record;
}

export async function recordScore(ctx: Context, input: RecordScoreInput) {
  const reg = await ctx.prisma.registration.findUnique({
    where: { id: input.registrationId },
    include: { plan: true, candidate: true, result: true, objections: { where: { status: 'OPEN' } } },
  });
  if (!reg || reg.status !== 'REGISTERED') throw notFound();
  if (!scoresPlan(ctx.principal, reg.plan)) throw forbidden();
  // during 公示 only the score of a candidate whose objection is open may change (to correct it)
  const underObjection = reg.plan.status === 'PUBLISHED' && reg.objections.length > 0 && !reg.result;
  if (!underObjection) requireStatus(reg.plan, ['OPEN', 'CLOSED'], '录入成绩');
  if (input.theory != null) unwrap(checkScoreValue(input.theory, '理论成绩'));
  if (input.practical != null) unwrap(checkScoreValue(input.practical, '实操成绩'));
  return ctx.prisma.$transaction(async (tx) => {
    const before = valuesOf(await tx.score.findUnique({ where: { registrationId: reg.id } }));
    let after: ScoreValues = {
      ...before,
      ...(input.theory !== undefined && input.theory !== null
        ? { theory: input.theory, theorySource: 'EXAM', courseRecordId: null }
        : {}),
      ...(input.theoryMark ? { theoryMark: input.theoryMark } : {}),
      ...(input.practical !== undefined && input.practical !== null ? { practical: input.practical } : {}),
      ...(input.practicalMark ? { practicalMark: input.practicalMark } : {}),
    };
    if (input.courseRecordId) {
      const record = await substitution(tx, reg.plan, reg.candidate, input.courseRecordId);
      after = {
        ...after,
        theory: record.score.toNumber(),
        theoryMark: 'PRESENT',
        theorySource: 'COURSE_SUBSTITUTION',
        courseRecordId: record.id,
      };
    }
    await writeScore(tx, ctx, reg.id, reg.planId, before, normalise(after), input.reason, 'SINGLE');
    return tx.registration.findUniqueOrThrow({ where: { id: reg.id } });
  });
}
