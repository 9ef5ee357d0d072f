import { SCORE_MARK_NAMES } from '@skills/domain';
import { access } from '@skills/service-kit';
import { COLLEGE_SIDE, planVisibility, SCORERS } from '../access-scope.js';
import { builder } from '../builder.js';
import { recordCourseRecord, recordCourseRecordInput } from '../commands/record-course-record.js';
import { recordScore, recordScoreInput } from '../commands/record-score.js';
import { THEORY_SOURCE_NAMES } from '../domain/names.js';
import { num, ScoreMarkEnum, TheorySourceEnum, typed } from './common.js';
import { Registration } from './registration.js';

/** 成绩 */
export const Score = builder.prismaObject('Score', {
  description: '成绩：理论与实操（各 100 分）',
  fields: (t) => ({
    theory: t.float({ nullable: true, resolve: (s) => num(s.theory) }),
    theoryMark: t.expose('theoryMark', { type: ScoreMarkEnum }),
    theoryMarkName: t.string({ resolve: (s) => SCORE_MARK_NAMES[s.theoryMark] }),
    theorySource: t.expose('theorySource', { type: TheorySourceEnum }),
    theorySourceName: t.string({ resolve: (s) => THEORY_SOURCE_NAMES[s.theorySource] }),
    courseRecord: t.prismaField({
      type: 'CourseRecord',
      nullable: true,
      description: '替代理论成绩的结课综合考试成绩',
      resolve: (q, s, _a, ctx) =>
        s.courseRecordId
          ? ctx.prisma.courseRecord.findUnique({ ...q, where: { id: s.courseRecordId } })
          : null,
    }),
    practical: t.float({ nullable: true, resolve: (s) => num(s.practical) }),
    practicalMark: t.expose('practicalMark', { type: ScoreMarkEnum }),
    practicalMarkName: t.string({ resolve: (s) => SCORE_MARK_NAMES[s.practicalMark] }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

/** 结课综合考试成绩 */
export const CourseRecord = builder.prismaObject('CourseRecord', {
  description: '本专业（科目）结课综合考试成绩',
  fields: (t) => ({
    id: t.exposeID('id'),
    majorCode: t.exposeString('majorCode'),
    courseName: t.exposeString('courseName'),
    term: t.exposeString('term'),
    score: t.float({ resolve: (c) => c.score.toNumber() }),
    source: t.exposeString('source', { description: '成绩来源' }),
    attestedBy: t.exposeString('attestedBy', { description: '认定人' }),
  }),
});

/** 工作台账: one changed value */
export const ScoreChange = builder.prismaObject('ScoreChange', {
  description: '成绩变更记录（工作台账）：原值、新值、操作人、原因',
  fields: (t) => ({
    id: t.exposeID('id'),
    field: t.exposeString('field'),
    oldValue: t.exposeString('oldValue', { nullable: true }),
    newValue: t.exposeString('newValue', { nullable: true }),
    actorId: t.exposeString('actorId', { nullable: true }),
    reason: t.exposeString('reason'),
    via: t.exposeString('via', { description: 'SINGLE（逐条录入）或 IMPORT:<导入批次>' }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields(Registration, (t) => ({
  score: t.relation('score', { nullable: true }),
  scoreChanges: t.prismaField({
    type: ['ScoreChange'],
    nullable: true,
    description: '成绩变更记录（本院校、本地区监管部门和督导员可见）',
    select: { planId: true },
    authScopes: async (r, _a, ctx) => {
      const plan = await ctx.loaders.plan.load(r.planId);
      return !!plan && planVisibility(ctx.principal).recordsVisible(plan);
    },
    unauthorizedResolver: () => null,
    resolve: (q, r, _a, ctx) =>
      ctx.prisma.scoreChange.findMany({
        ...q,
        where: { registrationId: r.id },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
      }),
  }),
}));

builder.mutationFields((t) => ({
  recordScore: t.prismaField({
    type: 'Registration',
    description:
      '录入或修改成绩（理论、实操、缺考/违纪）；可按计划规定以本专业结课综合考试成绩替代理论成绩；每次变更记入工作台账',
    ...access.roles(...SCORERS),
    args: t.validate(
      {
        registrationId: t.arg.id({ required: true }),
        theory: t.arg.float(),
        theoryMark: t.arg({ type: ScoreMarkEnum }),
        practical: t.arg.float(),
        practicalMark: t.arg({ type: ScoreMarkEnum }),
        courseRecordId: t.arg.id({ description: '以该结课综合考试成绩替代理论成绩' }),
        reason: t.arg.string({ required: true }),
      },
      recordScoreInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => recordScore(ctx, input)),
  }),
  recordCourseRecord: t.prismaField({
    type: 'CourseRecord',
    description: '登记在校生本专业（科目）结课综合考试成绩：课程、学期、成绩、来源、认定人',
    ...access.roles(...COLLEGE_SIDE),
    args: t.validate(
      {
        candidateId: t.arg.id({ required: true }),
        majorCode: t.arg.string({ required: true }),
        courseName: t.arg.string({ required: true }),
        term: t.arg.string({ required: true }),
        score: t.arg.float({ required: true }),
        source: t.arg.string({ required: true }),
        attestedBy: t.arg.string({ required: true }),
      },
      recordCourseRecordInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => recordCourseRecord(ctx, input)),
  }),
}));
