import { AGENCY_KIND_NAMES, isAccountId, type AgencyKind, type SkillLevel } from '@skills/domain';
import { access } from '@skills/service-kit';
import {
  agencyVisibility,
  BUREAUS,
  PUBLIC_AGENCY_STATUSES,
  regionsWithin,
  visibleRows,
} from '../access-scope.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { AgencyKindEnum, SkillLevelEnum } from './common.js';
import { Institution } from './institution.js';

/** Occupation is owned by the catalogue subgraph; here it is only a key the catalogue resolves. */
const OccupationRef = builder
  .externalRef('Occupation', builder.keyDirective(builder.selection<{ code: string }>('code'), false))
  .implement({ fields: (t) => ({ code: t.exposeString('code') }) });

/** Actor (操作人) is owned by the identity subgraph; here it is only the account id identity resolves. */
const ActorRef = builder
  .externalRef('Actor', builder.keyDirective(builder.selection<{ id: string }>('id'), false))
  .implement({ fields: (t) => ({ id: t.exposeID('id') }) });

export const AGENCY_STATUS_NAMES: Record<string, string> = {
  APPLYING: '申请中',
  FILED: '已备案',
  SUSPENDED: '暂停',
  CANCELLED: '已注销',
  EXPIRED: '备案已到期',
};

/** The status a reader sees: a filing past its period has expired even before the nightly sweep marks it. */
const effectiveStatus = (a: { status: string; validUntil: Date | null }) =>
  a.status === 'FILED' && a.validUntil && a.validUntil < new Date() ? 'EXPIRED' : a.status;

/** Bureaus of the agency's region, and the college that owns it, see its records. */
const canSeeRecords = (a: { regionCode: string; institutionCode: string }, ctx: Context) =>
  agencyVisibility(ctx.principal).recordsVisible(a);

/** 备案范围 */
export const ScopeItem = builder.prismaObject('ScopeItem', {
  description: '备案范围：职业（工种）或专项职业能力考核项目及其等级',
  fields: (t) => ({
    occupationCode: t.exposeString('occupationCode'),
    kind: t.exposeString('kind', { description: 'OCCUPATION / SPECIAL_ABILITY' }),
    levels: t.field({ type: [SkillLevelEnum], resolve: (s) => s.levels as SkillLevel[] }),
    occupation: t.field({
      type: OccupationRef,
      nullable: true,
      description: '职业（由目录子图解析名称、标准等）',
      resolve: (s) => (s.kind === 'OCCUPATION' ? { code: s.occupationCode } : null),
    }),
  }),
});

export const EVENT_TYPE_NAMES: Record<string, string> = {
  FILING_SUBMITTED: '提交备案申请',
  SCOPE_CHANGE_SUBMITTED: '提交增设申请',
  RENEWAL_SUBMITTED: '提交延续申请',
  FILING_COUNTY_OPINION: '县区提出审核意见',
  FILING_APPROVE: '准予备案',
  FILING_RETURN: '退回补正',
  FILING_REJECT: '不予备案',
  FILING_RESUBMIT: '补正后重新提交',
  FILING_WITHDRAW: '撤回申请',
  AGENCY_FILED: '机构备案生效',
  SCOPE_EXTENDED: '备案范围增设生效',
  AGENCY_RENEWED: '备案延续生效',
  AGENCY_EXPIRED: '备案有效期届满',
  AGENCY_SUSPENDED: '暂停',
  AGENCY_CANCELLED: '注销',
  AGENCY_RESTORED: '恢复',
  VIOLATION_RECORDED: '记录违规',
  VIOLATION_CLOSED: '违规整改完毕',
  ASSESSOR_REGISTERED: '登记考评员',
  ASSESSOR_UPDATED: '更新考评员信息',
};

export const VIOLATION_TYPE_NAMES: Record<string, string> = {
  OUTSOURCING: '转包或委托第三方组织评价',
  RECORDS: '工作台账、档案不规范',
  ASSESSMENT_IRREGULARITY: '考核评价不规范',
  CERTIFICATE_IRREGULARITY: '证书发放不规范',
  OTHER: '其他',
};
const SEVERITY_NAMES: Record<string, string> = { MINOR: '轻微', SERIOUS: '严重', GRAVE: '特别严重' };
const CONSEQUENCE_NAMES: Record<string, string> = {
  NONE: '责令整改',
  SUSPENSION: '暂停',
  CANCELLATION: '注销',
};

export const AgencyEvent = builder.prismaObject('AgencyEvent', {
  description: '机构与备案的办理记录（只增不改）',
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.exposeString('type'),
    typeName: t.string({ resolve: (e) => EVENT_TYPE_NAMES[e.type] ?? e.type }),
    fromStatus: t.exposeString('fromStatus', { nullable: true }),
    toStatus: t.exposeString('toStatus', { nullable: true }),
    actorId: t.exposeString('actorId', { nullable: true }),
    actorRole: t.exposeString('actorRole', { nullable: true }),
    actor: t.field({
      type: ActorRef,
      nullable: true,
      description: '办理人（由身份子图解析姓名、单位）；系统或演示数据写入的记录为空',
      resolve: (e) => (isAccountId(e.actorId) ? { id: e.actorId } : null),
    }),
    reason: t.exposeString('reason', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

export const Violation = builder.prismaObject('Violation', {
  description: '违规记录及整改',
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.exposeString('type'),
    typeName: t.string({ resolve: (v) => VIOLATION_TYPE_NAMES[v.type] ?? v.type }),
    severity: t.exposeString('severity'),
    severityName: t.string({ resolve: (v) => SEVERITY_NAMES[v.severity] ?? v.severity }),
    description: t.exposeString('description'),
    foundAt: t.expose('foundAt', { type: 'DateTime' }),
    deadline: t.expose('deadline', { type: 'DateTime', description: '整改期限' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    closingNote: t.exposeString('closingNote', { nullable: true }),
    consequence: t.exposeString('consequence'),
    consequenceName: t.string({ resolve: (v) => CONSEQUENCE_NAMES[v.consequence] ?? v.consequence }),
  }),
});

/** 评价机构 */
export const Agency = builder.prismaObject('Agency', {
  description: '职业技能评价机构',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    kind: t.field({ type: AgencyKindEnum, resolve: (a) => a.kind as AgencyKind }),
    kindName: t.string({ resolve: (a) => AGENCY_KIND_NAMES[a.kind as AgencyKind] ?? a.kind }),
    status: t.string({ select: { status: true, validUntil: true }, resolve: (a) => effectiveStatus(a) }),
    statusName: t.string({
      select: { status: true, validUntil: true },
      resolve: (a) => AGENCY_STATUS_NAMES[effectiveStatus(a)] ?? a.status,
    }),
    filingNumber: t.exposeString('filingNumber', { nullable: true, description: '备案编号' }),
    validFrom: t.expose('validFrom', { type: 'DateTime', nullable: true }),
    validUntil: t.expose('validUntil', { type: 'DateTime', nullable: true }),
    regionCode: t.exposeString('regionCode'),
    region: t.prismaField({
      type: 'Region',
      nullable: true,
      resolve: (q, a, _x, ctx) => ctx.prisma.region.findUnique({ ...q, where: { code: a.regionCode } }),
    }),
    institution: t.relation('institution'),
    scope: t.relation('scope', { query: { orderBy: { occupationCode: 'asc' } } }),
    events: t.relation('events', {
      description: '办理记录（本地区监管部门和本院校可见）',
      nullable: true,
      query: { orderBy: { at: 'asc' } },
      authScopes: (a, _args, ctx) => canSeeRecords(a, ctx),
      unauthorizedResolver: () => null,
    }),
    violations: t.relation('violations', {
      description: '违规记录（本地区监管部门和本院校可见）',
      nullable: true,
      query: { orderBy: { foundAt: 'desc' } },
      authScopes: (a, _args, ctx) => canSeeRecords(a, ctx),
      unauthorizedResolver: () => null,
    }),
  }),
});

builder.asEntity(Agency, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (ref, ctx) => {
    const a = await ctx.loaders.agency.load(ref.id);
    return a && agencyVisibility(ctx.principal).allows(a) ? a : null;
  },
});

builder.prismaObjectField(Institution, 'agencies', (t) =>
  t.relation('agencies', {
    description: '该院校的评价机构（申请中的机构仅本院校和本地区监管部门可见）',
    query: (_args, ctx) => ({ where: agencyVisibility(ctx.principal).where, orderBy: { kind: 'asc' } }),
  }),
);

builder.queryFields((t) => ({
  publicAgencies: t.prismaConnection(
    {
      type: 'Agency',
      cursor: 'id',
      defaultSize: 20,
      maxSize: 100,
      description: '已备案评价机构公开名录：可按名称、地区、职业编码检索',
      ...access.public(),
      args: {
        search: t.arg.string(),
        regionCode: t.arg.string(),
        occupationCode: t.arg.string(),
        kind: t.arg({ type: AgencyKindEnum }),
      },
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.agency.findMany({
          ...query,
          where: publicWhere(args),
          orderBy: [{ filingNumber: 'asc' }, { id: 'asc' }],
        }),
      totalCount: (_p, args, ctx) => ctx.prisma.agency.count({ where: publicWhere(args) }),
    },
    {},
  ),
  agencies: t.prismaField({
    type: ['Agency'],
    description: '评价机构登记簿（含申请中、暂停、注销、到期）：本地区人社、教育部门',
    ...access.roles(...BUREAUS),
    args: { regionCode: t.arg.string(), status: t.arg.stringList(), search: t.arg.string() },
    resolve: (query, _r, args, ctx) => {
      const scope = visibleRows(ctx.principal, BUREAUS, [], 'institutionCode');
      if (!scope) return [];
      return ctx.prisma.agency.findMany({
        ...query,
        where: {
          AND: [
            agencyVisibility(ctx.principal).where,
            scope,
            args.regionCode ? { regionCode: { in: regionsWithin(args.regionCode) } } : {},
            args.status?.length ? { status: { in: args.status } } : {},
            args.search?.trim()
              ? {
                  OR: [
                    { name: { contains: args.search.trim() } },
                    { institution: { name: { contains: args.search.trim() } } },
                  ],
                }
              : {},
          ],
        },
        orderBy: [{ regionCode: 'asc' }, { name: 'asc' }],
        take: 1000,
      });
    },
  }),
  agency: t.prismaField({
    type: 'Agency',
    nullable: true,
    description: '评价机构详情：已备案机构公开；申请中的机构仅本院校和监管部门可见',
    ...access.public(),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const a = await ctx.prisma.agency.findUnique({ ...query, where: { id: String(id) } });
      if (!a) return null;
      return agencyVisibility(ctx.principal).allows(a) ? a : null;
    },
  }),
}));

function publicWhere(args: {
  search?: string | null;
  regionCode?: string | null;
  occupationCode?: string | null;
  kind?: string | null;
}) {
  return {
    status: { in: [...PUBLIC_AGENCY_STATUSES] },
    ...(args.search?.trim()
      ? {
          OR: [
            { name: { contains: args.search.trim() } },
            { institution: { name: { contains: args.search.trim() } } },
          ],
        }
      : {}),
    ...(args.regionCode ? { regionCode: { in: regionsWithin(args.regionCode) } } : {}),
    ...(args.occupationCode ? { scope: { some: { occupationCode: args.occupationCode.trim() } } } : {}),
    ...(args.kind ? { kind: args.kind } : {}),
  };
}
