// 成绩批量导入: a plan's scores from an xlsx or csv file. Every row is checked (ID number, registered in this plan,
// name, scores 0..100 with one decimal, 缺考/违纪 marks, duplicates); any bad row refuses the whole file with
// every bad row's number and reason in Chinese, and nothing is written. A good file is written in one
// transaction: the scores in one statement, every changed value in the work ledger (工作台账) in another.
import { randomUUID } from 'node:crypto';
import { checkScoreValue, parseIdNumber } from '@skills/domain';
import { z } from 'zod';
import { scoresPlan } from '../access-scope.js';
import type { Context } from '../context.js';
import { readSheet, refuseRows, rowProblem, type Column, type RowError } from '../domain/spreadsheet.js';
import type { ScoreMark } from '../generated/prisma/enums.js';
import { importFile } from './import-file.js';
import { type CommandInput, id } from './inputs.js';
import { normalise, valuesOf, type ScoreValues } from './record-score.js';

interface RegisteredRow {
  id: string;
  idNumber: string;
  name: string;
  scored: boolean;
  theory: number | null;
  theoryMark: ScoreMark | null;
  theorySource: ScoreValues['theorySource'] | null;
  courseRecordId: string | null;
  practical: number | null;
  practicalMark: ScoreMark | null;
}

/** A row's score as recordScore sees it (no score yet: the defaults). */
const currentValues = (r: RegisteredRow): ScoreValues =>
  r.scored
    ? {
        theory: r.theory,
        theoryMark: r.theoryMark!,
        theorySource: r.theorySource!,
        courseRecordId: r.courseRecordId,
        practical: r.practical,
        practicalMark: r.practicalMark!,
      }
    : valuesOf(null);
import { audit, forbidden, notFound, requireStatus } from './support.js';

type Key = 'idNumber' | 'name' | 'theory' | 'theoryMark' | 'practical' | 'practicalMark';
export const SCORE_COLUMNS: readonly Column<Key>[] = [
  { key: 'idNumber', header: '身份证号', required: true, example: '350503200501010011', width: 22 },
  { key: 'name', header: '姓名', required: true, example: '陈思远' },
  { key: 'theory', header: '理论成绩', required: true, example: '78.5' },
  { key: 'theoryMark', header: '理论考试情况', required: false, example: '正常' },
  { key: 'practical', header: '实操成绩', required: true, example: '86' },
  { key: 'practicalMark', header: '实操考试情况', required: false, example: '正常' },
];

export const importScoresInput = z.object({
  planId: id,
  file: importFile,
  reason: z.string().trim().min(1, '请填写导入原因').max(200, '原因不能超过 200 个字'),
});
export type ImportScoresInput = CommandInput<typeof importScoresInput>;

const MARKS: Record<string, ScoreMark> = {
  '': 'PRESENT',
  正常: 'PRESENT',
  缺考: 'ABSENT',
  违纪: 'CHEATING',
  作弊: 'CHEATING',
  '违纪（作弊）': 'CHEATING',
};

export async function importScores(ctx: Context, input: ImportScoresInput) {
  const plan = await ctx.prisma.assessmentPlan.findUnique({ where: { id: input.planId } });
  if (!plan) throw notFound();
  if (!scoresPlan(ctx.principal, plan)) throw forbidden();
  requireStatus(plan, ['OPEN', 'CLOSED'], '导入成绩');
  const started = performance.now();
  const phases: Record<string, number> = {};
  const phase = (name: string) => (phases[name] = Math.round(performance.now() - started));
  const rows = await readSheet(input.file.fileName, input.file.contentBase64, SCORE_COLUMNS);
  phase('read');
  // one statement for the plan's registrations with their candidates and current scores
  const registered = await ctx.prisma.$queryRaw<RegisteredRow[]>`
    SELECT r."id", c."idNumber", c."name", s."registrationId" IS NOT NULL AS "scored",
      s."theory"::float8 AS "theory", s."theoryMark"::text AS "theoryMark", s."theorySource"::text AS "theorySource",
      s."courseRecordId", s."practical"::float8 AS "practical", s."practicalMark"::text AS "practicalMark"
    FROM "Registration" r JOIN "Candidate" c ON c."id" = r."candidateId"
    LEFT JOIN "Score" s ON s."registrationId" = r."id"
    WHERE r."planId" = ${plan.id} AND r."status" = 'REGISTERED'`;
  phase('load');
  const byIdNumber = new Map(registered.map((r) => [r.idNumber, r]));
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const updates: { registrationId: string; before: ScoreValues; after: ScoreValues }[] = [];
  const header = (k: Key) => SCORE_COLUMNS.find((c) => c.key === k)!.header;
  for (const { row, values: v } of rows) {
    const problems: RowError[] = [];
    const bad = (k: Key, problem: string) => problems.push(rowProblem(row, header(k), problem));
    const idNumber = parseIdNumber(v.idNumber);
    const reg = idNumber.ok ? byIdNumber.get(idNumber.value.value) : undefined;
    if (!idNumber.ok) bad('idNumber', '身份证号不正确');
    else if (seen.has(idNumber.value.value)) bad('idNumber', `与第 ${seen.get(idNumber.value.value)} 行重复`);
    else if (!reg) bad('idNumber', '该考生未报名本评价计划');
    else if (reg.name !== v.name) bad('name', `姓名与报名信息（${reg.name}）不符`);
    if (idNumber.ok && !seen.has(idNumber.value.value)) seen.set(idNumber.value.value, row);
    const part = (
      valueKey: 'theory' | 'practical',
      markKey: 'theoryMark' | 'practicalMark',
      what: string,
    ) => {
      const mark = MARKS[v[markKey]];
      if (!mark) {
        bad(markKey, `应为“正常”“缺考”或“违纪”，不能是“${v[markKey]}”`);
        return null;
      }
      if (mark !== 'PRESENT') {
        if (v[valueKey]) bad(valueKey, `${v[markKey]}的考生不应有${what}`);
        return { mark, value: null };
      }
      if (!v[valueKey]) return { mark, value: undefined };
      const n = Number(v[valueKey]);
      if (!/^\d+(\.\d)?$/.test(v[valueKey]) || !checkScoreValue(n, what).ok) {
        bad(valueKey, `${what}应为 0 至 100 之间的分数（至多一位小数），不能是“${v[valueKey]}”`);
        return null;
      }
      return { mark, value: n };
    };
    const theory = part('theory', 'theoryMark', '理论成绩');
    const practical = part('practical', 'practicalMark', '实操成绩');
    if (practical && practical.value === undefined) bad('practical', '实操成绩不能为空');
    if (!reg || problems.length || !theory || !practical) {
      errors.push(...problems);
      continue;
    }
    const before = currentValues(reg);
    // a blank theory score keeps a course-score substitution already recorded; otherwise it must be given
    if (theory.value === undefined && before.theorySource !== 'COURSE_SUBSTITUTION') {
      errors.push(rowProblem(row, header('theory'), '理论成绩不能为空'));
      continue;
    }
    const keepSubstitution = theory.value === undefined;
    const after = normalise({
      ...before,
      ...(keepSubstitution
        ? { theoryMark: 'PRESENT' as const }
        : {
            theory: theory.value ?? null,
            theoryMark: theory.mark,
            theorySource: 'EXAM' as const,
            courseRecordId: null,
          }),
      practical: practical.value ?? null,
      practicalMark: practical.mark,
    });
    updates.push({ registrationId: reg.id, before, after });
  }
  phase('check');
  if (errors.length) refuseRows(errors);
  const batchId = randomUUID();
  const via = `IMPORT:${batchId}`;
  const now = new Date().toISOString();
  const fields = [
    'theory',
    'theoryMark',
    'theorySource',
    'courseRecordId',
    'practical',
    'practicalMark',
  ] as const;
  const changes = updates.flatMap((u) =>
    fields
      .filter((f) => u.before[f] !== u.after[f])
      .map((f) => ({
        id: randomUUID(),
        registrationId: u.registrationId,
        planId: plan.id,
        field: f,
        oldValue: u.before[f] === null ? null : String(u.before[f]),
        newValue: u.after[f] === null ? null : String(u.after[f]),
        actorId: ctx.principal.id,
        reason: input.reason,
        via,
        at: now,
      })),
  );
  const changed = new Set(changes.map((c) => c.registrationId));
  const scores = updates
    .filter((u) => changed.has(u.registrationId))
    .map((u) => ({
      registrationId: u.registrationId,
      ...u.after,
      updatedBy: ctx.principal.id,
      updatedAt: now,
    }));
  await ctx.prisma.$transaction(async (tx) => {
    if (scores.length)
      await tx.$executeRawUnsafe(
        `INSERT INTO "Score" ("registrationId", "theory", "theoryMark", "theorySource", "courseRecordId",
           "practical", "practicalMark", "updatedBy", "updatedAt")
         SELECT s."registrationId", s."theory", s."theoryMark"::"ScoreMark", s."theorySource"::"TheorySource",
           s."courseRecordId", s."practical", s."practicalMark"::"ScoreMark", s."updatedBy", s."updatedAt"
         FROM json_to_recordset($1::json) AS s("registrationId" text, "theory" numeric, "theoryMark" text,
           "theorySource" text, "courseRecordId" text, "practical" numeric, "practicalMark" text, "updatedBy" text,
           "updatedAt" timestamptz)
         ON CONFLICT ("registrationId") DO UPDATE SET "theory" = EXCLUDED."theory",
           "theoryMark" = EXCLUDED."theoryMark", "theorySource" = EXCLUDED."theorySource",
           "courseRecordId" = EXCLUDED."courseRecordId", "practical" = EXCLUDED."practical",
           "practicalMark" = EXCLUDED."practicalMark", "updatedBy" = EXCLUDED."updatedBy",
           "updatedAt" = EXCLUDED."updatedAt"`,
        JSON.stringify(scores),
      );
    if (changes.length)
      await tx.$executeRawUnsafe(
        `INSERT INTO "ScoreChange" ("id", "registrationId", "planId", "field", "oldValue", "newValue", "actorId",
           "reason", "via", "at")
         SELECT * FROM json_to_recordset($1::json) AS c("id" text, "registrationId" text, "planId" text,
           "field" text, "oldValue" text, "newValue" text, "actorId" text, "reason" text, "via" text,
           "at" timestamptz)`,
        JSON.stringify(changes),
      );
    await tx.importBatch.create({
      data: {
        id: batchId,
        planId: plan.id,
        kind: 'SCORES',
        fileName: input.file.fileName,
        rows: rows.length,
        actorId: ctx.principal.id,
      },
    });
    await audit(
      tx,
      ctx,
      'scores.imported',
      plan.id,
      `${input.file.fileName}: ${rows.length} rows, ${scores.length} changed`,
    );
  });
  phase('write');
  ctx.log.info({ planId: plan.id, rows: rows.length, changed: scores.length, ms: phases }, 'scores imported');
  return { batchId, rows: rows.length, changed: scores.length, registered: 0 };
}
