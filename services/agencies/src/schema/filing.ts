import { DomainError, Role, type AgencyKind, type SkillLevel } from '@skills/domain';
import { access } from '@skills/service-kit';
import { BUREAU_HR, COLLEGE_SIDE, filingVisibility } from '../access-scope.js';
import { builder } from '../builder.js';
import { FILING_STATUS_NAMES, type FilingAction, type FilingStatus } from '../domain/workflow.js';
import * as filings from '../filings.js';
import { AgencyKindEnum, SkillLevelEnum, typed } from './common.js';

interface RequestedItem {
  occupationCode: string;
  kind: string;
  levels: SkillLevel[];
}

const RequestedScopeItem = builder.objectRef<RequestedItem>('RequestedScopeItem').implement({
  fields: (t) => ({
    occupationCode: t.exposeString('occupationCode'),
    kind: t.exposeString('kind'),
    levels: t.field({ type: [SkillLevelEnum], resolve: (s) => s.levels }),
  }),
});

/** 备案申请 */
export const Filing = builder.prismaObject('Filing', {
  description: '备案申请（首次备案、增设、延续）',
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.exposeString('type', { description: 'INITIAL / SCOPE_CHANGE / RENEWAL' }),
    status: t.exposeString('status'),
    statusName: t.string({ resolve: (f) => FILING_STATUS_NAMES[f.status as FilingStatus] ?? f.status }),
    regionCode: t.exposeString('regionCode'),
    region: t.prismaField({
      type: 'Region',
      nullable: true,
      resolve: (q, f, _x, ctx) => ctx.prisma.region.findUnique({ ...q, where: { code: f.regionCode } }),
    }),
    requestedScope: t.field({
      type: [RequestedScopeItem],
      resolve: (f) => f.requestedScope as unknown as RequestedItem[],
    }),
    countyOpinion: t.exposeString('countyOpinion', { nullable: true }),
    countyAgrees: t.exposeBoolean('countyAgrees', { nullable: true }),
    decisionReason: t.exposeString('decisionReason', { nullable: true }),
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

const FilingDecision = builder.enumType('FilingDecision', {
  values: {
    APPROVE: { description: '准予备案' },
    RETURN: { description: '退回补正' },
    REJECT: { description: '不予备案' },
  },
});

builder.queryFields((t) => ({
  filings: t.prismaField({
    type: ['Filing'],
    description: '备案申请：县区、市、省人社部门看本地区的，院校看本校的',
    ...access.roles(...READERS),
    args: { status: t.arg.stringList(), open: t.arg.boolean({ description: '仅显示办理中的' }) },
    resolve: (query, _r, args, ctx) => {
      const scope = filingVisibility(ctx.principal).where;
      if (!scope) return [];
      return ctx.prisma.filing.findMany({
        ...query,
        where: {
          ...scope,
          ...(args.status?.length ? { status: { in: args.status } } : {}),
          ...(args.open ? { status: { in: ['SUBMITTED', 'COUNTY_REVIEWED', 'RETURNED'] } } : {}),
        },
        orderBy: { submittedAt: 'desc' },
        take: 500,
      });
    },
  }),
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

const act =
  (action: FilingAction) =>
  async (
    filingId: string,
    reason: string | null | undefined,
    ctx: Parameters<typeof filings.actOnFiling>[0],
    agree?: boolean | null,
  ) =>
    typed(() => filings.actOnFiling(ctx, { filingId, action, reason: reason ?? null, agree: agree ?? null }));

builder.mutationFields((t) => ({
  applyForFiling: t.prismaField({
    type: 'Filing',
    description: '院校申请备案评价机构（按属地提交）',
    ...access.roles(Role.COLLEGE_ADMIN),
    args: {
      institutionCode: t.arg.string({ required: true }),
      kind: t.arg({ type: AgencyKindEnum, required: true }),
      name: t.arg.string(),
      scope: t.arg({ type: [ScopeInput], required: true }),
      requestKey: t.arg.string({ description: '幂等键：同一次提交重复发送只生成一份申请' }),
    },
    resolve: (_q, _r, args, ctx) =>
      typed(() =>
        filings.applyForFiling(ctx, {
          institutionCode: args.institutionCode.trim(),
          kind: args.kind as AgencyKind,
          name: args.name ?? null,
          scope: args.scope.map((s) => ({ occupationCode: s.occupationCode.trim(), levels: s.levels ?? [] })),
          requestKey: args.requestKey ?? null,
        }),
      ),
  }),
  requestScopeChange: t.prismaField({
    type: 'Filing',
    description: '增设职业或等级（须备案期内无违规并达到评价数量）',
    ...access.roles(...COLLEGE_SIDE),
    args: {
      agencyId: t.arg.id({ required: true }),
      scope: t.arg({ type: [ScopeInput], required: true }),
      requestKey: t.arg.string(),
    },
    resolve: (_q, _r, args, ctx) =>
      typed(() =>
        filings.requestScopeChange(
          ctx,
          String(args.agencyId),
          args.scope.map((s) => ({ occupationCode: s.occupationCode.trim(), levels: s.levels ?? [] })),
          args.requestKey ?? null,
        ),
      ),
  }),
  requestRenewal: t.prismaField({
    type: 'Filing',
    description: '备案期满前后申请延续（沿用现有备案范围）',
    ...access.roles(...COLLEGE_SIDE),
    args: { agencyId: t.arg.id({ required: true }), requestKey: t.arg.string() },
    resolve: (_q, _r, a, ctx) =>
      typed(() => filings.requestRenewal(ctx, String(a.agencyId), a.requestKey ?? null)),
  }),
  giveCountyOpinion: t.prismaField({
    type: 'Filing',
    description: '县（区）人社部门提出审核意见',
    ...access.roles(Role.COUNTY_HR),
    args: {
      filingId: t.arg.id({ required: true }),
      agree: t.arg.boolean({ required: true }),
      opinion: t.arg.string({ required: true }),
    },
    resolve: (_q, _r, a, ctx) => act('COUNTY_OPINION')(String(a.filingId), a.opinion, ctx, a.agree),
  }),
  decideFiling: t.prismaField({
    type: 'Filing',
    description: '市人社局作出备案决定：准予、退回补正或不予备案',
    ...access.roles(Role.CITY_HR),
    args: {
      filingId: t.arg.id({ required: true }),
      decision: t.arg({ type: FilingDecision, required: true }),
      reason: t.arg.string(),
    },
    resolve: (_q, _r, a, ctx) => act(a.decision)(String(a.filingId), a.reason, ctx),
  }),
  resubmitFiling: t.prismaField({
    type: 'Filing',
    description: '院校补正后重新提交',
    ...access.roles(Role.COLLEGE_ADMIN),
    args: {
      filingId: t.arg.id({ required: true }),
      note: t.arg.string(),
      scope: t.arg({
        type: [ScopeInput],
        description: '补正后的申请范围（不填则沿用原申请；重新按规则核验）',
      }),
    },
    resolve: (_q, _r, a, ctx) =>
      typed(() =>
        filings.actOnFiling(ctx, {
          filingId: String(a.filingId),
          action: 'RESUBMIT',
          reason: a.note ?? null,
          scope: a.scope?.map((s) => ({ occupationCode: s.occupationCode.trim(), levels: s.levels ?? [] })),
        }),
      ),
  }),
  withdrawFiling: t.prismaField({
    type: 'Filing',
    description: '院校撤回尚未决定的申请',
    ...access.roles(Role.COLLEGE_ADMIN),
    args: { filingId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_q, _r, a, ctx) => act('WITHDRAW')(String(a.filingId), a.reason, ctx),
  }),
  changeAgencyStatus: t.prismaField({
    type: 'Agency',
    description: '市人社局暂停、注销或恢复评价机构',
    ...access.roles(Role.CITY_HR, Role.PROVINCE_HR),
    args: {
      agencyId: t.arg.id({ required: true }),
      status: t.arg({
        type: builder.enumType('AgencyStatusChange', {
          values: ['SUSPENDED', 'CANCELLED', 'FILED'] as const,
        }),
        required: true,
      }),
      reason: t.arg.string({ required: true }),
    },
    resolve: (_q, _r, a, ctx) =>
      typed(() => filings.changeAgencyStatus(ctx, String(a.agencyId), a.status, a.reason)),
  }),
  recordViolation: t.prismaField({
    type: 'Violation',
    description: '记录检查发现的违规（含转包、委托第三方等）',
    ...access.roles(...BUREAU_HR, Role.SUPERVISOR),
    args: {
      agencyId: t.arg.id({ required: true }),
      type: t.arg({
        type: builder.enumType('ViolationType', { values: filings.VIOLATION_TYPES }),
        required: true,
      }),
      severity: t.arg({
        type: builder.enumType('ViolationSeverity', { values: ['MINOR', 'SERIOUS', 'GRAVE'] as const }),
        required: true,
      }),
      description: t.arg.string({ required: true }),
      deadline: t.arg({ type: 'DateTime', required: true, description: '整改期限' }),
    },
    resolve: (_q, _r, a, ctx) =>
      typed(() =>
        filings.recordViolation(ctx, {
          agencyId: String(a.agencyId),
          type: a.type,
          severity: a.severity,
          description: a.description,
          deadline: a.deadline,
        }),
      ),
  }),
  closeViolation: t.prismaField({
    type: 'Violation',
    description: '整改完毕，关闭违规记录',
    ...access.roles(...BUREAU_HR),
    args: { violationId: t.arg.id({ required: true }), note: t.arg.string({ required: true }) },
    resolve: (_q, _r, a, ctx) => typed(() => filings.closeViolation(ctx, String(a.violationId), a.note)),
  }),
}));
