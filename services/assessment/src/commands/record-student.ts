// 登记在校生: a college records one of its students (the roster import does the same for many rows). The school
// type comes from the agencies subgraph's record of the college, never from the caller. One person per ID number:
// recording again updates; a student of another college is refused.
import { DomainError, isMobilePhone, parseIdNumber } from '@skills/domain';
import { badInput, principalCan } from '@skills/service-kit';
import { z } from 'zod';
import { COLLEGE_SIDE } from '../access-scope.js';
import type { Context } from '../context.js';
import { creditCode, type CommandInput, optionalText } from './inputs.js';
import { audit, forbidden, type Tx } from './support.js';

const year = (what: string) =>
  z.number().int().min(1990, `${what}不正确`).max(2100, `${what}不正确`).nullish();

export const studentFields = {
  name: z.string().trim().min(1, '请填写姓名').max(30, '姓名不能超过 30 个字'),
  idNumber: z.string().trim(),
  phone: optionalText(20, '手机号码'),
  majorCode: optionalText(20, '专业代码'),
  majorName: optionalText(40, '专业名称'),
  className: optionalText(40, '班级'),
  enrolmentYear: year('入学年份'),
  graduationYear: year('毕业年份'),
};

export const recordStudentInput = z.object({ institutionCode: creditCode, ...studentFields });
export type RecordStudentInput = CommandInput<typeof recordStudentInput>;
export type StudentRow = Omit<RecordStudentInput, 'institutionCode'>;

/** The college as agencies records it (school type, region), for a caller of its own side. */
export async function ownCollege(ctx: Context, institutionCode: string) {
  if (!principalCan(ctx.principal, COLLEGE_SIDE, { orgCode: institutionCode })) throw forbidden();
  const college = await ctx.agencies.institution(institutionCode);
  if (!college) throw new DomainError('NOT_FOUND');
  return college;
}

/** Checks one row; the message of the first problem, or the normalised ID number. */
export function checkStudentRow(
  row: StudentRow,
): { idNumber: string } | { field: keyof StudentRow; problem: string } {
  const id = parseIdNumber(row.idNumber);
  if (!id.ok) return { field: 'idNumber', problem: id.error.message };
  if (row.phone && !isMobilePhone(row.phone))
    return { field: 'phone', problem: '手机号码不正确，应为 11 位手机号' };
  if (row.enrolmentYear && row.graduationYear && row.graduationYear < row.enrolmentYear)
    return { field: 'graduationYear', problem: '毕业年份不能早于入学年份' };
  return { idNumber: id.value.value };
}

export async function saveStudent(
  tx: Tx,
  ctx: Context,
  college: { creditCode: string; schoolType: string; regionCode: string },
  row: StudentRow,
  idNumber: string,
) {
  const existing = await tx.candidate.findUnique({ where: { idNumber } });
  if (existing && existing.institutionCode !== college.creditCode && existing.category === 'STUDENT')
    throw new DomainError('CANDIDATE_OTHER_COLLEGE');
  const data = {
    category: 'STUDENT' as const,
    name: row.name,
    phone: row.phone ?? null,
    institutionCode: college.creditCode,
    schoolType: college.schoolType as 'HIGHER_VOCATIONAL',
    majorCode: row.majorCode ?? null,
    majorName: row.majorName ?? null,
    className: row.className ?? null,
    enrolmentYear: row.enrolmentYear ?? null,
    graduationYear: row.graduationYear ?? null,
    regionCode: college.regionCode,
  };
  return existing
    ? tx.candidate.update({ where: { id: existing.id }, data })
    : tx.candidate.create({ data: { ...data, idNumber, createdBy: ctx.principal.id } });
}

export async function recordStudent(ctx: Context, input: RecordStudentInput) {
  const college = await ownCollege(ctx, input.institutionCode);
  const checked = checkStudentRow(input);
  if ('problem' in checked) throw badInput(checked.field, checked.problem);
  return ctx.prisma.$transaction(async (tx) => {
    const c = await saveStudent(tx, ctx, college, input, checked.idNumber);
    await audit(tx, ctx, 'candidate.student_recorded', c.id);
    return c;
  });
}
