import { Role, type SkillLevel } from '@skills/domain';
import { access } from '@skills/service-kit';
import { BUREAU_HR, COLLEGE_SIDE, planVisibility } from '../access-scope.js';
import { builder } from '../builder.js';
import { decideObjection, decideObjectionInput } from '../commands/decide-objection.js';
import { finalizeResults, finalizeResultsInput } from '../commands/finalize-results.js';
import { publishResults, publishResultsInput } from '../commands/publish-results.js';
import { raiseObjection, raiseObjectionInput } from '../commands/raise-objection.js';
import type { Context } from '../context.js';
import { OBJECTION_STATUS_NAMES } from '../domain/names.js';
import type { FinalResult as FinalResultRow } from '../generated/prisma/client.js';
import { num, ObjectionStatusEnum, PlanKindEnum, SkillLevelEnum, typed } from './common.js';
import { AssessmentPlan } from './plan.js';
import { Registration } from './registration.js';

/** 异议 */
export const Objection = builder.prismaObject('Objection', {
  description: '公示期内的异议',
  fields: (t) => ({
    id: t.exposeID('id'),
    reason: t.exposeString('reason'),
    status: t.expose('status', { type: ObjectionStatusEnum }),
    statusName: t.string({ resolve: (o) => OBJECTION_STATUS_NAMES[o.status] }),
    raisedAt: t.expose('raisedAt', { type: 'DateTime' }),
    decision: t.exposeString('decision', { nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    registration: t.relation('registration'),
  }),
});

/** Who sees a final result: the candidate, the agency's college and assessors, the region's supervisors, services. */
async function resultVisible(r: FinalResultRow, ctx: Context) {
  if (ctx.principal.kind === 'service') return true;
  const plan = await ctx.loaders.plan.load(r.planId);
  if (plan && planVisibility(ctx.principal).recordsVisible(plan)) return true;
  const c = await ctx.loaders.candidate.load(r.candidateId);
  return !!c?.accountId && c.accountId === ctx.principal.id;
}

/** 最终结果 */
export const FinalResult = builder.prismaObject('FinalResult', {
  description: '最终评价结果（公示期满、无待处理异议）：证书据此颁发',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: PlanKindEnum }),
    occupationCode: t.exposeString('occupationCode'),
    level: t.field({ type: SkillLevelEnum, nullable: true, resolve: (r) => r.level as SkillLevel | null }),
    agencyId: t.exposeString('agencyId'),
    planId: t.exposeString('planId'),
    candidateId: t.exposeString('candidateId'),
    theory: t.float({ nullable: true, resolve: (r) => num(r.theory) }),
    practical: t.float({ nullable: true, resolve: (r) => num(r.practical) }),
    passed: t.exposeBoolean('passed', { description: '是否合格' }),
    finalizedAt: t.expose('finalizedAt', { type: 'DateTime' }),
    registration: t.relation('registration'),
  }),
});

builder.asEntity(FinalResult, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (ref, ctx) => {
    const r = await ctx.prisma.finalResult.findUnique({ where: { id: ref.id } });
    return r && (await resultVisible(r, ctx)) ? r : null;
  },
});

builder.prismaObjectFields(Registration, (t) => ({
  objections: t.relation('objections', { query: { orderBy: { raisedAt: 'asc' } } }),
  result: t.relation('result', { nullable: true }),
}));

builder.prismaObjectField(AssessmentPlan, 'finalResults', (t) =>
  t.prismaConnection(
    {
      type: 'FinalResult',
      cursor: 'id',
      defaultSize: 50,
      maxSize: 500,
      nullable: true,
      description: '已确认的最终结果（本院校、本地区监管部门和督导员可见）',
      authScopes: (p, _a, ctx) => planVisibility(ctx.principal).recordsVisible(p),
      unauthorizedResolver: () => null,
      resolve: (q, p, _a, ctx) =>
        ctx.prisma.finalResult.findMany({ ...q, where: { planId: p.id }, orderBy: [{ id: 'asc' }] }),
      totalCount: (p, _a, ctx) => ctx.prisma.finalResult.count({ where: { planId: p.id } }),
    },
    {},
  ),
);

builder.queryFields((t) => ({
  finalResult: t.prismaField({
    type: 'FinalResult',
    nullable: true,
    description: '最终评价结果：本人、评价机构、本地区监管部门',
    ...access.authenticated(),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (q, _r, { id }, ctx) => {
      const r = await ctx.prisma.finalResult.findUnique({ ...q, where: { id: String(id) } });
      return r && (await resultVisible(r, ctx)) ? r : null;
    },
  }),
  myResults: t.prismaField({
    type: ['FinalResult'],
    description: '本人的最终评价结果（考生服务）',
    ...access.roles(Role.CANDIDATE),
    resolve: (q, _r, _a, ctx) =>
      ctx.principal.id
        ? ctx.prisma.finalResult.findMany({
            ...q,
            where: { registration: { candidate: { accountId: ctx.principal.id } } },
            orderBy: [{ finalizedAt: 'desc' }, { id: 'asc' }],
          })
        : [],
  }),
}));

const FinalizeOutcome = builder
  .objectRef<{ plan: { id: string }; finalized: number; heldBack: number }>('FinalizeOutcome')
  .implement({
    description: '确认结果：本次确认人数与因异议暂缓的人数',
    fields: (t) => ({
      plan: t.prismaField({
        type: 'AssessmentPlan',
        resolve: (q, o, _a, ctx) =>
          ctx.prisma.assessmentPlan.findUniqueOrThrow({ ...q, where: { id: o.plan.id } }),
      }),
      finalized: t.exposeInt('finalized'),
      heldBack: t.exposeInt('heldBack', { description: '有待处理异议、暂缓确认的考生人数' }),
    }),
  });

builder.mutationFields((t) => ({
  publishResults: t.prismaField({
    type: 'AssessmentPlan',
    description: '公示成绩（默认 5 个工作日）：所有考生成绩齐全、考场考评人员配置符合配比、无应回避的考评员',
    ...access.roles(...COLLEGE_SIDE),
    args: t.validate({ planId: t.arg.id({ required: true }) }, publishResultsInput),
    resolve: (_q, _r, input, ctx) => typed(() => publishResults(ctx, input)),
  }),
  raiseObjection: t.prismaField({
    type: 'Objection',
    description: '公示期内对成绩提出异议（考生本人或评价机构代为登记）；异议处理前该考生结果不予确认',
    ...access.roles(Role.CANDIDATE, ...COLLEGE_SIDE),
    args: t.validate(
      {
        registrationId: t.arg.id({ required: true }),
        reason: t.arg.string({ required: true }),
        requestKey: t.arg.string(),
      },
      raiseObjectionInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => raiseObjection(ctx, input)),
  }),
  decideObjection: t.prismaField({
    type: 'Objection',
    description: '处理异议：成立（先更正成绩）或不成立，并说明理由',
    ...access.roles(...COLLEGE_SIDE, ...BUREAU_HR),
    args: t.validate(
      {
        objectionId: t.arg.id({ required: true }),
        upheld: t.arg.boolean({ required: true }),
        decision: t.arg.string({ required: true }),
      },
      decideObjectionInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => decideObjection(ctx, input)),
  }),
  finalizeResults: t.field({
    type: FinalizeOutcome,
    description: '公示期满后确认最终结果（有待处理异议的考生暂缓）；确认前再次核验评价机构的备案状态与范围',
    ...access.roles(...COLLEGE_SIDE),
    args: t.validate({ planId: t.arg.id({ required: true }) }, finalizeResultsInput),
    resolve: (_r, input, ctx) => typed(() => finalizeResults(ctx, input)),
  }),
}));
