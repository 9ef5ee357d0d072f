import { maskIdNumber, Role, type SkillLevel } from '@skills/domain';
import { access } from '@skills/service-kit';
import {
  COLLEGE_SIDE,
  PUBLIC_PLAN_STATUSES,
  planVisibility,
  regionsWithin,
  SCORERS,
  SUPERVISORS,
} from '../access-scope.js';
import { builder } from '../builder.js';
import { addSession, addSessionInput } from '../commands/add-session.js';
import { assignSessionStaff, assignSessionStaffInput } from '../commands/assign-session-staff.js';
import { createPlan, createPlanInput } from '../commands/create-plan.js';
import type { Context, PlanResultSummary } from '../context.js';
import { conflicts } from '../domain/json-columns.js';
import { PLAN_KIND_NAMES, PLAN_STATUS_NAMES } from '../domain/names.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { PlanStatus } from '../generated/prisma/enums.js';
import {
  ConflictTypeEnum,
  PlanKindEnum,
  PlanStatusEnum,
  SessionKindEnum,
  SkillLevelEnum,
  StaffRoleEnum,
  typed,
} from './common.js';

/** Occupation is owned by the catalogue subgraph; here it is only a key the catalogue resolves. */
const OccupationRef = builder
  .externalRef('Occupation', builder.keyDirective(builder.selection<{ code: string }>('code'), false))
  .implement({ fields: (t) => ({ code: t.exposeString('code') }) });

const recordsVisible = (p: { regionCode: string; institutionCode: string }, ctx: Context) =>
  planVisibility(ctx.principal).recordsVisible(p);

/** 评价计划 */
export const AssessmentPlan = builder.prismaObject('AssessmentPlan', {
  description: '评价计划：评价机构对一个职业（工种）等级或专项职业能力考核项目组织的一次评价',
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number', { description: '计划编号' }),
    agencyId: t.exposeString('agencyId'),
    agencyName: t.exposeString('agencyName'),
    institutionCode: t.exposeString('institutionCode', { description: '机构所属院校' }),
    regionCode: t.exposeString('regionCode'),
    kind: t.expose('kind', { type: PlanKindEnum }),
    kindName: t.string({ resolve: (p) => PLAN_KIND_NAMES[p.kind] }),
    occupationCode: t.exposeString('occupationCode', { description: '职业编码或专项职业能力考核项目编码' }),
    occupation: t.field({
      type: OccupationRef,
      nullable: true,
      description: '职业（由目录子图解析）',
      resolve: (p) => (p.kind === 'OCCUPATION' ? { code: p.occupationCode } : null),
    }),
    level: t.field({ type: SkillLevelEnum, nullable: true, resolve: (p) => p.level as SkillLevel | null }),
    title: t.exposeString('title'),
    majorCodes: t.exposeStringList('majorCodes', { description: '对接专业代码' }),
    standardCode: t.exposeString('standardCode', { nullable: true, description: '国家职业技能标准' }),
    assessmentDate: t.expose('assessmentDate', { type: 'DateTime' }),
    registrationClosesAt: t.expose('registrationClosesAt', { type: 'DateTime' }),
    sites: t.exposeStringList('sites'),
    capacity: t.exposeInt('capacity'),
    registeredCount: t.exposeInt('registeredCount'),
    theoryPassMark: t.exposeInt('theoryPassMark'),
    practicalPassMark: t.exposeInt('practicalPassMark'),
    allowCourseSubstitution: t.exposeBoolean('allowCourseSubstitution', {
      description: '是否允许以本专业结课综合考试成绩替代理论考试成绩（课证融通）',
    }),
    candidatesPerAssessor: t.exposeInt('candidatesPerAssessor', {
      description: '实操考评员配比：每名考评员对应的考生数（可配置的实践默认值，非法定标准）',
    }),
    status: t.expose('status', { type: PlanStatusEnum }),
    statusName: t.string({ resolve: (p) => PLAN_STATUS_NAMES[p.status] }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    publicationEndsAt: t.expose('publicationEndsAt', { type: 'DateTime', nullable: true }),
    finalizedAt: t.expose('finalizedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    sessions: t.relation('sessions', {
      description: '考场/考站（本院校、本地区监管部门和督导员可见）',
      nullable: true,
      query: { orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] },
      authScopes: (p, _a, ctx) => recordsVisible(p, ctx),
      unauthorizedResolver: () => null,
    }),
  }),
});

/** 考场 / 考站 */
export const AssessmentSession = builder.prismaObject('AssessmentSession', {
  description: '考场（理论）或考站（实操）',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: SessionKindEnum }),
    name: t.exposeString('name'),
    site: t.exposeString('site'),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime' }),
    staff: t.relation('staff', { query: { orderBy: [{ role: 'asc' }, { name: 'asc' }] } }),
  }),
});

const StaffConflict = builder
  .objectRef<{ type: 'TEACHER_OF' | 'RELATIVE_OF'; personIdNumber: string }>('StaffConflict')
  .implement({
    description: '申报的回避关系',
    fields: (t) => ({
      type: t.expose('type', { type: ConflictTypeEnum }),
      personIdNumber: t.string({ description: '脱敏', resolve: (c) => maskIdNumber(c.personIdNumber) }),
    }),
  });

/** 考务人员 */
export const SessionStaff = builder.prismaObject('SessionStaff', {
  description: '考评员或质量督导员',
  fields: (t) => ({
    id: t.exposeID('id'),
    role: t.expose('role', { type: StaffRoleEnum }),
    name: t.exposeString('name'),
    idNumber: t.string({ description: '身份证号（脱敏）', resolve: (s) => maskIdNumber(s.idNumber) }),
    assessorId: t.exposeString('assessorId', { nullable: true }),
    conflicts: t.field({ type: [StaffConflict], resolve: (s) => conflicts.parse(s.conflicts) }),
  }),
});

function plansWhere(
  ctx: Context,
  args: { status?: PlanStatus[] | null; agencyId?: string | null; regionCode?: string | null },
): Prisma.AssessmentPlanWhereInput {
  return {
    AND: [
      planVisibility(ctx.principal).where,
      args.status?.length ? { status: { in: args.status } } : {},
      args.agencyId ? { agencyId: args.agencyId } : {},
      args.regionCode ? { regionCode: { in: regionsWithin(args.regionCode) } } : {},
    ],
  };
}

function openWhere(args: { occupationCode?: string | null; regionCode?: string | null }) {
  return {
    status: 'OPEN' as const,
    registrationClosesAt: { gt: new Date() },
    ...(args.occupationCode ? { occupationCode: args.occupationCode.trim() } : {}),
    ...(args.regionCode ? { regionCode: { in: regionsWithin(args.regionCode) } } : {}),
  };
}

/** 评价结果统计 of a plan (for supervision: pass rates by region) */
const PlanResultSummaryRef = builder.objectRef<PlanResultSummary>('PlanResultSummary').implement({
  description: '评价结果统计：已确认人数、合格人数与合格率、待处理异议',
  fields: (t) => ({
    finalized: t.exposeInt('finalized', { description: '结果已确认的考生人数' }),
    passed: t.exposeInt('passed', { description: '合格人数' }),
    passRate: t.float({
      nullable: true,
      description: '合格率（合格人数 / 已确认人数；无已确认结果时为空）',
      resolve: (s) => (s.finalized ? s.passed / s.finalized : null),
    }),
    openObjections: t.exposeInt('openObjections', { description: '公示期内待处理的异议' }),
  }),
});

builder.prismaObjectFields(AssessmentPlan, (t) => ({
  resultSummary: t.field({
    type: PlanResultSummaryRef,
    nullable: true,
    description: '评价结果统计（本院校、本地区监管部门和督导员可见）',
    authScopes: (p, _a, ctx) => recordsVisible(p, ctx),
    unauthorizedResolver: () => null,
    resolve: (p, _a, ctx) => ctx.loaders.resultSummary.load(p.id),
  }),
}));

builder.queryFields((t) => ({
  openAssessmentPlans: t.prismaConnection(
    {
      type: 'AssessmentPlan',
      cursor: 'id',
      defaultSize: 20,
      maxSize: 100,
      description: '正在报名的评价计划（公开）：可按职业、地区查找',
      ...access.public(),
      args: { occupationCode: t.arg.string(), regionCode: t.arg.string() },
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.assessmentPlan.findMany({
          ...query,
          where: openWhere(args),
          orderBy: [{ registrationClosesAt: 'asc' }, { id: 'asc' }],
        }),
      totalCount: (_p, args, ctx) => ctx.prisma.assessmentPlan.count({ where: openWhere(args) }),
    },
    {},
  ),
  assessmentPlans: t.prismaConnection(
    {
      type: 'AssessmentPlan',
      cursor: 'id',
      defaultSize: 50,
      maxSize: 200,
      description: '评价计划：本院校的评价机构，本地区人社、教育部门和质量督导员',
      ...access.roles(...SCORERS, ...SUPERVISORS),
      args: {
        status: t.arg({ type: [PlanStatusEnum] }),
        agencyId: t.arg.string(),
        regionCode: t.arg.string(),
      },
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.assessmentPlan.findMany({
          ...query,
          where: plansWhere(ctx, args),
          orderBy: [{ assessmentDate: 'desc' }, { id: 'asc' }],
        }),
      totalCount: (_p, args, ctx) => ctx.prisma.assessmentPlan.count({ where: plansWhere(ctx, args) }),
    },
    {},
  ),
  assessmentPlan: t.prismaField({
    type: 'AssessmentPlan',
    nullable: true,
    description: '评价计划详情：报名中、公示中和已确认的计划公开，其余仅本院校和监管部门可见',
    ...access.public(),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const p = await ctx.prisma.assessmentPlan.findUnique({ ...query, where: { id: String(id) } });
      return p && planVisibility(ctx.principal).allows(p) ? p : null;
    },
  }),
}));

builder.mutationField('createAssessmentPlan', (t) =>
  t.prismaField({
    type: 'AssessmentPlan',
    description:
      '创建评价计划：仅限已备案且备案范围含该职业等级（或专项）的评价机构；由机构所属院校办理；按幂等键幂等',
    ...access.roles(...COLLEGE_SIDE),
    args: t.validate(
      {
        agencyId: t.arg.id({ required: true }),
        kind: t.arg({ type: PlanKindEnum, required: true }),
        occupationCode: t.arg.string({ required: true }),
        level: t.arg({ type: SkillLevelEnum }),
        title: t.arg.string({ required: true }),
        majorCodes: t.arg.stringList(),
        standardCode: t.arg.string(),
        assessmentDate: t.arg({ type: 'DateTime', required: true }),
        registrationClosesAt: t.arg({ type: 'DateTime', required: true }),
        sites: t.arg.stringList({ required: true }),
        capacity: t.arg.int({ required: true }),
        theoryPassMark: t.arg.int({ description: '理论合格线，默认 60' }),
        practicalPassMark: t.arg.int({ description: '实操合格线，默认 60' }),
        allowCourseSubstitution: t.arg.boolean(),
        candidatesPerAssessor: t.arg.int({ description: '每名实操考评员对应考生数，默认 5' }),
        requestKey: t.arg.string(),
      },
      createPlanInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => createPlan(ctx, input)),
  }),
);

builder.mutationField('addAssessmentSession', (t) =>
  t.prismaField({
    type: 'AssessmentSession',
    description: '安排考场（理论）或考站（实操）：由评价机构自有人员和场地组织，不得转包、外包',
    ...access.roles(...COLLEGE_SIDE),
    args: t.validate(
      {
        planId: t.arg.id({ required: true }),
        kind: t.arg({ type: SessionKindEnum, required: true }),
        name: t.arg.string({ required: true }),
        site: t.arg.string({ required: true }),
        startsAt: t.arg({ type: 'DateTime', required: true }),
        endsAt: t.arg({ type: 'DateTime', required: true }),
        ownOperation: t.arg.boolean({ description: '由本机构自有人员组织（默认是）' }),
        operatorName: t.arg.string(),
        requestKey: t.arg.string({ description: '幂等键：同一计划重复提交同一键只安排一次' }),
      },
      addSessionInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => addSession(ctx, input)),
  }),
);

const StaffConflictInput = builder.inputType('StaffConflictInput', {
  fields: (t) => ({
    type: t.field({ type: ConflictTypeEnum, required: true }),
    personIdNumber: t.string({ required: true }),
  }),
});

builder.mutationField('assignSessionStaff', (t) =>
  t.prismaField({
    type: 'SessionStaff',
    description:
      '安排考评员（评价机构）或质量督导员（人社部门）；申报回避关系，与本计划考生存在任课或亲属关系的考评员不予安排',
    ...access.roles(...COLLEGE_SIDE, Role.CITY_HR, Role.PROVINCE_HR, Role.COUNTY_HR, Role.SUPERVISOR),
    args: t.validate(
      {
        sessionId: t.arg.id({ required: true }),
        role: t.arg({ type: StaffRoleEnum, required: true }),
        name: t.arg.string({ required: true }),
        idNumber: t.arg.string({ required: true }),
        assessorId: t.arg.string(),
        conflicts: t.arg({ type: [StaffConflictInput] }),
      },
      assignSessionStaffInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => assignSessionStaff(ctx, input)),
  }),
);

export { PUBLIC_PLAN_STATUSES };
