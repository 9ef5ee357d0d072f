// 学生名单导入: a college's students from an xlsx or csv file (the roster), optionally registering every one of them
// for one of its plans. Every row is checked (name, ID number, phone, years, duplicates, a student of another
// college); any bad row refuses the whole file with every bad row's number and reason in Chinese, and nothing is
// written. The eligibility of the plan (the school-type cap) and its capacity are checked for the whole file. A
// good file is written in one transaction (candidates upserted by ID number in one statement, registrations in
// another, the plan's places taken by one conditional update).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Context } from '../context.js';
import { readSheet, refuseRows, rowProblem, type Column, type RowError } from '../domain/spreadsheet.js';
import { importFile } from './import-file.js';
import { creditCode, type CommandInput, id } from './inputs.js';
import { checkStudentRow, ownCollege, studentFields, type StudentRow } from './record-student.js';
import { checkCandidateFor, checkOpen, takePlaces } from './register-for-plan.js';
import { audit, forbidden, notFound } from './support.js';

type Key =
  | 'name'
  | 'idNumber'
  | 'phone'
  | 'majorCode'
  | 'majorName'
  | 'className'
  | 'enrolmentYear'
  | 'graduationYear';
export const ROSTER_COLUMNS: readonly Column<Key>[] = [
  { key: 'name', header: '姓名', required: true, example: '陈思远' },
  { key: 'idNumber', header: '身份证号', required: true, example: '350503200501010011', width: 22 },
  { key: 'phone', header: '手机号', required: false, example: '13912345678' },
  { key: 'majorCode', header: '专业代码', required: false, example: '460301' },
  { key: 'majorName', header: '专业名称', required: false, example: '电气自动化技术' },
  { key: 'className', header: '班级', required: false, example: '电气 2023-1 班' },
  { key: 'enrolmentYear', header: '入学年份', required: false, example: '2023' },
  { key: 'graduationYear', header: '毕业年份', required: false, example: '2026' },
];

export const importRosterInput = z.object({
  institutionCode: creditCode,
  planId: id.nullish(),
  file: importFile,
});
export type ImportRosterInput = CommandInput<typeof importRosterInput>;

const rowSchema = z.object({
  ...studentFields,
  enrolmentYear: z.coerce.number().int().min(1990, '入学年份不正确').max(2100, '入学年份不正确').nullish(),
  graduationYear: z.coerce.number().int().min(1990, '毕业年份不正确').max(2100, '毕业年份不正确').nullish(),
});

export async function importRoster(ctx: Context, input: ImportRosterInput) {
  const college = await ownCollege(ctx, input.institutionCode);
  const plan = input.planId
    ? await ctx.prisma.assessmentPlan.findUnique({ where: { id: input.planId } })
    : null;
  if (input.planId && !plan) throw notFound();
  if (plan && plan.institutionCode !== college.creditCode) throw forbidden();
  if (plan) checkOpen(plan);
  const rows = await readSheet(input.file.fileName, input.file.contentBase64, ROSTER_COLUMNS);
  const header = (k: string) => ROSTER_COLUMNS.find((c) => c.key === k)?.header ?? k;
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const good: { row: number; student: StudentRow; idNumber: string }[] = [];
  for (const { row, values } of rows) {
    const parsed = rowSchema.safeParse(
      Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? null : v])),
    );
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push(rowProblem(row, header(String(issue.path[0])), issue.message));
      continue;
    }
    const student = parsed.data as StudentRow;
    const checked = checkStudentRow(student);
    if ('problem' in checked) {
      errors.push(rowProblem(row, header(checked.field), checked.problem));
      continue;
    }
    const earlier = seen.get(checked.idNumber);
    if (earlier) {
      errors.push(rowProblem(row, header('idNumber'), `与第 ${earlier} 行重复`));
      continue;
    }
    seen.set(checked.idNumber, row);
    good.push({ row, student, idNumber: checked.idNumber });
  }
  const existing = await ctx.prisma.candidate.findMany({
    where: { idNumber: { in: good.map((g) => g.idNumber) } },
    select: { idNumber: true, institutionCode: true, category: true },
  });
  const others = new Map(
    existing
      .filter((c) => c.category !== 'STUDENT' || c.institutionCode !== college.creditCode)
      .map((c) => [c.idNumber, c]),
  );
  for (const g of good)
    if (others.has(g.idNumber))
      errors.push(
        rowProblem(
          g.row,
          header('idNumber'),
          others.get(g.idNumber)!.category === 'STUDENT'
            ? '该考生是其他院校的在校生'
            : '该身份证号已登记为社会考生',
        ),
      );
  if (errors.length) refuseRows(errors);
  if (plan) {
    // the school type × the plan's level, the same for every student of the college: checked once
    checkCandidateFor(plan, {
      category: 'STUDENT',
      institutionCode: college.creditCode,
      schoolType: college.schoolType,
      priorCertificates: [],
      workYears: null,
    } as never);
  }
  const batchId = randomUUID();
  const candidates = good.map((g) => ({
    id: randomUUID(),
    idNumber: g.idNumber,
    name: g.student.name,
    phone: g.student.phone ?? null,
    majorCode: g.student.majorCode ?? null,
    majorName: g.student.majorName ?? null,
    className: g.student.className ?? null,
    enrolmentYear: g.student.enrolmentYear ?? null,
    graduationYear: g.student.graduationYear ?? null,
  }));
  const registered = await ctx.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `INSERT INTO "Candidate" ("id", "category", "name", "idNumber", "phone", "institutionCode", "schoolType",
         "majorCode", "majorName", "className", "enrolmentYear", "graduationYear", "priorCertificates", "regionCode",
         "createdBy", "createdAt", "updatedAt")
       SELECT c."id", 'STUDENT', c."name", c."idNumber", c."phone", $2, $3::"SchoolType", c."majorCode",
         c."majorName", c."className", c."enrolmentYear", c."graduationYear", '[]'::jsonb, $4, $5, now(), now()
       FROM json_to_recordset($1::json) AS c("id" text, "idNumber" text, "name" text, "phone" text,
         "majorCode" text, "majorName" text, "className" text, "enrolmentYear" int, "graduationYear" int)
       ON CONFLICT ("idNumber") DO UPDATE SET "name" = EXCLUDED."name", "phone" = EXCLUDED."phone",
         "majorCode" = EXCLUDED."majorCode", "majorName" = EXCLUDED."majorName", "className" = EXCLUDED."className",
         "enrolmentYear" = EXCLUDED."enrolmentYear", "graduationYear" = EXCLUDED."graduationYear",
         "schoolType" = EXCLUDED."schoolType", "updatedAt" = now()
       WHERE "Candidate"."institutionCode" = EXCLUDED."institutionCode"`,
      JSON.stringify(candidates),
      college.creditCode,
      college.schoolType,
      college.regionCode,
      ctx.principal.id,
    );
    let added = 0;
    if (plan) {
      const ids = await tx.candidate.findMany({
        where: {
          idNumber: { in: candidates.map((c) => c.idNumber) },
          registrations: { none: { planId: plan.id } },
        },
        select: { id: true },
      });
      if (ids.length) {
        await takePlaces(tx, plan, ids.length);
        added = await tx.$executeRawUnsafe(
          `INSERT INTO "Registration" ("id", "planId", "candidateId", "status", "createdBy", "createdAt")
           SELECT r."id", $2, r."candidateId", 'REGISTERED', $3, now()
           FROM json_to_recordset($1::json) AS r("id" text, "candidateId" text)`,
          JSON.stringify(ids.map((c) => ({ id: randomUUID(), candidateId: c.id }))),
          plan.id,
          ctx.principal.id,
        );
      }
    }
    await tx.importBatch.create({
      data: {
        id: batchId,
        planId: plan?.id ?? null,
        kind: 'ROSTER',
        fileName: input.file.fileName,
        rows: rows.length,
        actorId: ctx.principal.id,
      },
    });
    await audit(
      tx,
      ctx,
      'roster.imported',
      college.creditCode,
      `${input.file.fileName}: ${rows.length} rows`,
    );
    return added;
  });
  return { batchId, rows: rows.length, changed: candidates.length, registered };
}
