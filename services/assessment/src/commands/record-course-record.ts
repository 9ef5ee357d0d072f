// 登记结课综合考试成绩: the college records a student's final comprehensive course exam of their major — course,
// term, score, where it comes from and who attested it — the only record that may replace the theory score.
import { DomainError, unwrap, checkScoreValue } from '@skills/domain';
import { principalCan } from '@skills/service-kit';
import { z } from 'zod';
import { COLLEGE_SIDE } from '../access-scope.js';
import type { Context } from '../context.js';
import { type CommandInput, id } from './inputs.js';
import { audit, forbidden, notFound } from './support.js';

const text = (what: string, max: number) =>
  z.string().trim().min(1, `请填写${what}`).max(max, `${what}不能超过 ${max} 个字`);

export const recordCourseRecordInput = z.object({
  candidateId: id,
  majorCode: text('专业代码', 20),
  courseName: text('课程（科目）名称', 60),
  term: text('学期', 30),
  score: z.number(),
  source: text('成绩来源', 100),
  attestedBy: text('认定人', 30),
});
export type RecordCourseRecordInput = CommandInput<typeof recordCourseRecordInput>;

export async function recordCourseRecord(ctx: Context, input: RecordCourseRecordInput) {
  const candidate = await ctx.prisma.candidate.findUnique({ where: { id: input.candidateId } });
  if (!candidate) throw notFound();
  if (
    !candidate.institutionCode ||
    !principalCan(ctx.principal, COLLEGE_SIDE, { orgCode: candidate.institutionCode })
  )
    throw forbidden();
  if (candidate.majorCode !== input.majorCode)
    throw new DomainError('SUBSTITUTION_NEEDS_OWN_MAJOR', {
      detail: `考生本专业为 ${candidate.majorCode ?? '（未登记）'}，该成绩属于专业 ${input.majorCode}`,
    });
  const score = unwrap(checkScoreValue(input.score, '结课综合考试成绩'));
  const key = {
    candidateId: candidate.id,
    majorCode: input.majorCode,
    courseName: input.courseName,
    term: input.term,
  };
  return ctx.prisma.$transaction(async (tx) => {
    const data = { score, source: input.source, attestedBy: input.attestedBy };
    const row = await tx.courseRecord.upsert({
      where: { candidateId_majorCode_courseName_term: key },
      create: { ...key, ...data, createdBy: ctx.principal.id },
      update: data,
    });
    await audit(tx, ctx, 'course_record.recorded', row.id, `${input.courseName} ${input.term} ${score}`);
    return row;
  });
}
