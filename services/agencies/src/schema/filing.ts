import { DomainError, Role } from '@skills/domain';
import { access } from '@skills/service-kit';
import { BUREAU_HR, COLLEGE_SIDE, filingVisibility } from '../access-scope.js';
import { builder } from '../builder.js';
import { applyForFiling, applyForFilingInput } from '../commands/apply-for-filing.js';
import { decideFiling, decideFilingInput, FilingDecision } from '../commands/decide-filing.js';
import { giveCountyOpinion, giveCountyOpinionInput } from '../commands/give-county-opinion.js';
import { requestRenewal, requestRenewalInput } from '../commands/request-renewal.js';
import { requestScopeChange, requestScopeChangeInput } from '../commands/request-scope-change.js';
import { resubmitFiling, resubmitFilingInput } from '../commands/resubmit-filing.js';
import { withdrawFiling, withdrawFilingInput } from '../commands/withdraw-filing.js';
import { scopeValues, type ScopeValue } from '../domain/json-columns.js';
import { FILING_STATUS_NAMES } from '../domain/names.js';
import { OPEN_STATUSES } from '../domain/workflow.js';
import type { FilingStatus } from '../generated/prisma/enums.js';
import {
  AgencyKindEnum,
  FilingKindEnum,
  FilingStatusEnum,
  ScopeItemKindEnum,
  SkillLevelEnum,
  typed,
} from './common.js';
import { OccupationRef, scopeItemRefs, SpecialAbilityProjectRef } from './catalogue-refs.js';

const RequestedScopeItem = builder.objectRef<ScopeValue>('RequestedScopeItem').implement({
  fields: (t) => ({
    occupationCode: t.exposeString('occupationCode'),
    kind: t.expose('kind', { type: ScopeItemKindEnum }),
    levels: t.field({ type: [SkillLevelEnum], resolve: (s) => s.levels }),
    occupation: t.field({ type: OccupationRef, nullable: true, resolve: scopeItemRefs.occupation }),
    specialAbilityProject: t.field({
      type: SpecialAbilityProjectRef,
      nullable: true,
      resolve: scopeItemRefs.specialAbilityProject,
    }),
  }),
});

/** 备案申请 */
export const Filing = builder.prismaObject('Filing', {
  description: '备案申请（首次备案、增设、延续）',
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.expose('type', { type: FilingKindEnum }),
    status: t.expose('status', { type: FilingStatusEnum }),
    statusName: t.string({ resolve: (f) => FILING_STATUS_NAMES[f.status] }),
    regionCode: t.exposeString('regionCode'),
    region: t.prismaField({
      type: 'Region',
      nullable: true,
      resolve: (q, f, _x, ctx) => ctx.prisma.region.findUnique({ ...q, where: { code: f.regionCode } }),
    }),
    requestedScope: t.field({
      type: [RequestedScopeItem],
      resolve: (f) => scopeValues.parse(f.requestedScope),
    }),
    countyOpinion: t.exposeString('countyOpinion', { nullable: true }),
    countyAgrees: t.exposeBoolean('countyAgrees', { nullable: true }),
    decisionReason: t.exposeString('decisionReason', { nullable: true }),
    studentServiceJudgement: t.exposeString('studentServiceJudgement', {
      nullable: true,
      description: '在校生评价保障核实意见（第三方社会培训评价组织）',
    }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    agency: t.relation('agency'),
  }),
});

const READERS = [...BUREAU_HR, ...COLLEGE_SIDE];

const ScopeInput = builder.inputType('ScopeItemInput', {
  fields: (t) => ({
    occupationCode: t.string({ required: true, description: '职业编码或专项职业能力考核项目编码' }),
    levels: t.field({
      type: [SkillLevelEnum],
      required: true,
      defaultValue: [],
      description: '等级（专项职业能力不填）',
    }),
  }),
});

const DutiesInput = builder.inputType('CollegeDutiesInput', {
  description: '学校履职：专门机构、管理制度、不转包不委托承诺（首次备案必填）',
  fields: (t) => ({
    designatedUnit: t.string({ required: true, description: '负责职业技能评价工作的专门机构' }),
    managementRules: t.string({
      required: true,
      description: '管理制度（工作流程、台账、问题查处和责任追究）',
    }),
    noOutsourcing: t.boolean({
      required: true,
      description: '承诺不以“转包”“委托”等任何形式将评价机构交由社会第三方运营',
    }),
  }),
});

const FilingDecisionEnum = builder.enumType('FilingDecision', {
  values: {
    [FilingDecision.APPROVE]: { description: '准予备案' },
    [FilingDecision.RETURN]: { description: '退回补正' },
    [FilingDecision.REJECT]: { description: '不予备案' },
  },
});

/** The filings a caller may see, narrowed by the list's arguments; null when the caller reaches none. */
function filingsWhere(
  ctx: { principal: Parameters<typeof filingVisibility>[0] },
  args: { status?: FilingStatus[] | null; open?: boolean | null },
) {
  const scope = filingVisibility(ctx.principal).where;
  if (!scope) return null;
  return {
    AND: [
      scope,
      args.status?.length ? { status: { in: args.status } } : {},
      args.open ? { status: { in: [...OPEN_STATUSES] } } : {},
    ],
  };
}

builder.queryFields((t) => ({
  filings: t.prismaConnection(
    {
      type: 'Filing',
      cursor: 'id',
      defaultSize: 50,
      maxSize: 200,
      description: '备案申请（新提交的在前）：县区、市、省人社部门看本地区的，院校看本校的',
      ...access.roles(...READERS),
      args: {
        status: t.arg({ type: [FilingStatusEnum] }),
        open: t.arg.boolean({ description: '仅显示办理中的' }),
      },
      resolve: async (query, _r, args, ctx) => {
        const where = filingsWhere(ctx, args);
        if (!where) return [];
        return ctx.prisma.filing.findMany({
          ...query,
          where,
          orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
        });
      },
      totalCount: (_p, args, ctx) => {
        const where = filingsWhere(ctx, args);
        return where ? ctx.prisma.filing.count({ where }) : 0;
      },
    },
    {},
  ),
  filing: t.prismaField({
    type: 'Filing',
    nullable: true,
    ...access.roles(...READERS),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const f = await ctx.prisma.filing.findUnique({
        ...query,
        where: { id: String(id) },
        include: { agency: true },
      });
      if (!f) return null;
      if (!filingVisibility(ctx.principal).allows(f)) throw new DomainError('FORBIDDEN');
      return f;
    },
  }),
}));

builder.mutationFields((t) => ({
  applyForFiling: t.prismaField({
    type: 'Filing',
    description: '院校申请备案评价机构（按属地提交）',
    ...access.roles(Role.COLLEGE_ADMIN),
    args: t.validate(
      {
        institutionCode: t.arg.string({ required: true }),
        kind: t.arg({ type: AgencyKindEnum, required: true }),
        name: t.arg.string(),
        scope: t.arg({ type: [ScopeInput], required: true }),
        duties: t.arg({ type: DutiesInput, required: true }),
        requestKey: t.arg.string({ description: '幂等键：本院校同一次提交重复发送只生成一份申请' }),
      },
      applyForFilingInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => applyForFiling(ctx, input)),
  }),
  requestScopeChange: t.prismaField({
    type: 'Filing',
    description: '增设职业或等级（须备案期内无违规并达到评价数量）',
    ...access.roles(...COLLEGE_SIDE),
    args: t.validate(
      {
        agencyId: t.arg.id({ required: true }),
        scope: t.arg({ type: [ScopeInput], required: true }),
        requestKey: t.arg.string(),
      },
      requestScopeChangeInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => requestScopeChange(ctx, input)),
  }),
  requestRenewal: t.prismaField({
    type: 'Filing',
    description: '备案期满前后申请延续（沿用现有备案范围）',
    ...access.roles(...COLLEGE_SIDE),
    args: t.validate(
      { agencyId: t.arg.id({ required: true }), requestKey: t.arg.string() },
      requestRenewalInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => requestRenewal(ctx, input)),
  }),
  giveCountyOpinion: t.prismaField({
    type: 'Filing',
    description: '县（区）人社部门提出审核意见',
    ...access.roles(Role.COUNTY_HR),
    args: t.validate(
      {
        filingId: t.arg.id({ required: true }),
        agree: t.arg.boolean({ required: true }),
        opinion: t.arg.string({ required: true }),
      },
      giveCountyOpinionInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => giveCountyOpinion(ctx, input)),
  }),
  decideFiling: t.prismaField({
    type: 'Filing',
    description: '市人社局作出备案决定：准予、退回补正或不予备案',
    ...access.roles(Role.CITY_HR),
    args: t.validate(
      {
        filingId: t.arg.id({ required: true }),
        decision: t.arg({ type: FilingDecisionEnum, required: true }),
        reason: t.arg.string(),
        studentServiceJudgement: t.arg.string({
          description:
            '第三方社会培训评价组织：本校尚无已备案的职业技能等级评价机构时，市人社局对其在校生评价已有保障的核实意见',
        }),
      },
      decideFilingInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => decideFiling(ctx, input)),
  }),
  resubmitFiling: t.prismaField({
    type: 'Filing',
    description: '院校补正后重新提交',
    ...access.roles(Role.COLLEGE_ADMIN),
    args: t.validate(
      {
        filingId: t.arg.id({ required: true }),
        note: t.arg.string(),
        scope: t.arg({
          type: [ScopeInput],
          description: '补正后的申请范围（不填则沿用原申请；重新按规则核验）',
        }),
      },
      resubmitFilingInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => resubmitFiling(ctx, input)),
  }),
  withdrawFiling: t.prismaField({
    type: 'Filing',
    description: '院校撤回尚未决定的申请',
    ...access.roles(Role.COLLEGE_ADMIN),
    args: t.validate(
      { filingId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
      withdrawFilingInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => withdrawFiling(ctx, input)),
  }),
}));
