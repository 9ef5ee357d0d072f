import { AGENCY_KIND_NAMES, isAccountId, Role, type SkillLevel } from '@skills/domain';
import { access, queryIs, scalarsOnly, sqlOf } from '@skills/service-kit';
import {
  agencyVisibility,
  BUREAU_HR,
  BUREAUS,
  COLLEGE_SIDE,
  publicAgencies,
  regionsWithin,
  visibleRows,
} from '../access-scope.js';
import { builder } from '../builder.js';
import { changeAgencyStatus, changeAgencyStatusInput } from '../commands/change-agency-status.js';
import {
  printFilingCertificate,
  printFilingCertificateInput,
  type PrintedFile,
} from '../commands/print-filing-certificate.js';
import {
  recordAccountabilityCase,
  recordAccountabilityCaseInput,
} from '../commands/record-accountability-case.js';
import { updateAgencyContact, updateAgencyContactInput } from '../commands/update-agency-contact.js';
import { agenciesById, scopeOfAgency, type Context } from '../context.js';
import { AGENCY_STATUS_NAMES, EVENT_TYPE_NAMES } from '../domain/names.js';
import { effectiveStatus } from '../domain/workflow.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { AgencyKind, AgencyStatus } from '../generated/prisma/enums.js';
import {
  AgencyEventTypeEnum,
  AgencyKindEnum,
  AgencyStatusEnum,
  FilingPeriodReasonEnum,
  ScopeItemKindEnum,
  SkillLevelEnum,
  typed,
} from './common.js';
import { Institution } from './institution.js';
import { OccupationRef, scopeItemRefs, SpecialAbilityProjectRef } from './catalogue-refs.js';

/** Actor (操作人) is owned by the identity subgraph; here it is only the account id identity resolves. */
const ActorRef = builder
  .externalRef('Actor', builder.keyDirective(builder.selection<{ id: string }>('id'), false))
  .implement({ fields: (t) => ({ id: t.exposeID('id') }) });

/** Bureaus of the agency's region, and the college that owns it, see its records. */
const canSeeRecords = (a: { regionCode: string; institutionCode: string }, ctx: Context) =>
  agencyVisibility(ctx.principal).recordsVisible(a);

/** 备案范围 */
export const ScopeItem = builder.prismaObject('ScopeItem', {
  description: '备案范围：职业（工种）或专项职业能力考核项目及其等级',
  fields: (t) => ({
    occupationCode: t.exposeString('occupationCode'),
    kind: t.expose('kind', { type: ScopeItemKindEnum }),
    levels: t.field({ type: [SkillLevelEnum], resolve: (s) => s.levels as SkillLevel[] }),
    occupation: t.field({
      type: OccupationRef,
      nullable: true,
      description: '职业（由目录子图解析名称、标准等）',
      resolve: scopeItemRefs.occupation,
    }),
    specialAbilityProject: t.field({
      type: SpecialAbilityProjectRef,
      nullable: true,
      description: '专项职业能力考核项目（由目录子图解析名称）',
      resolve: scopeItemRefs.specialAbilityProject,
    }),
  }),
});

/** 办理记录 */
export const AgencyEvent = builder.prismaObject('AgencyEvent', {
  description: '机构与备案的办理记录（只增不改）',
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.expose('type', { type: AgencyEventTypeEnum }),
    typeName: t.string({ resolve: (e) => EVENT_TYPE_NAMES[e.type] }),
    fromStatus: t.exposeString('fromStatus', {
      nullable: true,
      description: '办理前的状态（备案申请状态或机构状态，视记录类型而定）',
    }),
    toStatus: t.exposeString('toStatus', { nullable: true, description: '办理后的状态' }),
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

/** 备案期 */
export const FilingPeriod = builder.prismaObject('FilingPeriod', {
  description: '备案期：首次备案及每次延续各为一期；「备案期内」指当前一期',
  fields: (t) => ({
    validFrom: t.expose('validFrom', { type: 'DateTime' }),
    validUntil: t.expose('validUntil', { type: 'DateTime' }),
    reason: t.expose('reason', { type: FilingPeriodReasonEnum }),
  }),
});

/** 问题查处与责任追究台账 */
export const AccountabilityCase = builder.prismaObject('AccountabilityCase', {
  description: '问题查处与责任追究台账（院校记录，本地区监管部门可见）',
  fields: (t) => ({
    id: t.exposeID('id'),
    problem: t.exposeString('problem', { description: '发现的问题' }),
    responsibility: t.exposeString('responsibility', { description: '责任认定' }),
    measures: t.exposeString('measures', { description: '处理和整改措施' }),
    occurredOn: t.expose('occurredOn', { type: 'DateTime' }),
    recordedBy: t.exposeString('recordedBy'),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
  }),
});

/** 评价机构 */
export const Agency = builder.prismaObject('Agency', {
  description: '职业技能评价机构',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: AgencyKindEnum }),
    kindName: t.string({ resolve: (a) => AGENCY_KIND_NAMES[a.kind] }),
    status: t.field({
      type: AgencyStatusEnum,
      select: { status: true, validUntil: true },
      resolve: (a) => effectiveStatus(a),
    }),
    statusName: t.string({
      select: { status: true, validUntil: true },
      resolve: (a) => AGENCY_STATUS_NAMES[effectiveStatus(a)],
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
    address: t.exposeString('address', { nullable: true, description: '联系地址（公开）' }),
    contactPhone: t.exposeString('contactPhone', {
      nullable: true,
      description: '咨询电话（机构的公开联系电话）',
    }),
    institution: t.relation('institution'),
    scope: t.relation('scope', { query: { orderBy: { occupationCode: 'asc' } } }),
    designatedUnit: t.exposeString('designatedUnit', {
      nullable: true,
      description: '负责职业技能评价工作的专门机构',
    }),
    managementRules: t.string({
      nullable: true,
      description: '管理制度（本地区监管部门和本院校可见）',
      select: { managementRules: true, regionCode: true, institutionCode: true },
      resolve: (a, _x, ctx) => (canSeeRecords(a, ctx) ? a.managementRules : null),
    }),
    noOutsourcingCommittedAt: t.expose('noOutsourcingCommittedAt', {
      type: 'DateTime',
      nullable: true,
      description: '不转包、不委托承诺的时间',
    }),
    findings: t.relation('findings', {
      description: '人社、教育部门的监管发现（本地区监管部门和本院校可见）',
      nullable: true,
      query: { orderBy: { recordedAt: 'asc' } },
      authScopes: (a, _args, ctx) => canSeeRecords(a, ctx),
      unauthorizedResolver: () => null,
    }),
    cases: t.relation('cases', {
      description: '问题查处与责任追究台账（本地区监管部门和本院校可见）',
      nullable: true,
      query: { orderBy: { recordedAt: 'asc' } },
      authScopes: (a, _args, ctx) => canSeeRecords(a, ctx),
      unauthorizedResolver: () => null,
    }),
    periods: t.relation('periods', {
      description: '备案期（首次备案、各次延续），早的在前',
      query: { orderBy: { validFrom: 'asc' } },
    }),
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

/** Name or the college's name contains the search text. */
const nameMatches = (search: string | null | undefined): Prisma.AgencyWhereInput =>
  search?.trim()
    ? {
        OR: [{ name: { contains: search.trim() } }, { institution: { name: { contains: search.trim() } } }],
      }
    : {};

function publicWhere(args: {
  search?: string | null;
  regionCode?: string | null;
  occupationCode?: string | null;
  kind?: AgencyKind | null;
}): Prisma.AgencyWhereInput {
  return {
    AND: [
      publicAgencies(),
      nameMatches(args.search),
      args.regionCode ? { regionCode: { in: regionsWithin(args.regionCode) } } : {},
      args.occupationCode ? { scope: { some: { occupationCode: args.occupationCode.trim() } } } : {},
      args.kind ? { kind: args.kind } : {},
    ],
  };
}

/** The bureau register: the caller's region (visible agencies only), narrowed by the arguments. */
function registerWhere(
  ctx: Context,
  args: { regionCode?: string | null; status?: AgencyStatus[] | null; search?: string | null },
): Prisma.AgencyWhereInput | null {
  const scope = visibleRows(ctx.principal, BUREAUS, [], 'institutionCode');
  if (!scope) return null;
  return {
    AND: [
      agencyVisibility(ctx.principal).where,
      scope,
      args.regionCode ? { regionCode: { in: regionsWithin(args.regionCode) } } : {},
      args.status?.length ? { status: { in: args.status } } : {},
      nameMatches(args.search),
    ],
  };
}

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
  agencies: t.prismaConnection(
    {
      type: 'Agency',
      cursor: 'id',
      defaultSize: 50,
      maxSize: 200,
      description: '评价机构登记簿（含申请中、暂停、注销、到期）：本地区人社、教育部门',
      ...access.roles(...BUREAUS),
      args: {
        regionCode: t.arg.string(),
        status: t.arg({ type: [AgencyStatusEnum] }),
        search: t.arg.string(),
      },
      resolve: async (query, _r, args, ctx) => {
        const where = registerWhere(ctx, args);
        if (!where) return [];
        return ctx.prisma.agency.findMany({
          ...query,
          where,
          orderBy: [{ regionCode: 'asc' }, { name: 'asc' }, { id: 'asc' }],
        });
      },
      totalCount: (_p, args, ctx) => {
        const where = registerWhere(ctx, args);
        return where ? ctx.prisma.agency.count({ where }) : 0;
      },
    },
    {},
  ),
  agency: t.prismaField({
    type: 'Agency',
    nullable: true,
    description: '评价机构详情：已备案机构公开；申请中的机构仅本院校和监管部门可见',
    ...access.public(),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx, info) => {
      // the hot path (the public portal's agency page, partners): prepared statements for the row and, when
      // asked, its 备案范围 — the same rows Prisma's include would give; any other relation goes through Prisma
      const key = String(id);
      const a = scalarsOnly(query)
        ? await agenciesById.one(sqlOf(ctx.prisma), key, info)
        : queryIs(query, SCOPE_ONLY)
          ? await withScope(ctx, key)
          : await ctx.prisma.agency.findUnique({ ...query, where: { id: key } });
      if (!a) return null;
      return agencyVisibility(ctx.principal).allows(a) ? a : null;
    },
  }),
}));

/** What Pothos asks for when `agency` selects scalars and `scope` (see Agency.scope's query). */
const SCOPE_ONLY = { include: { scope: { orderBy: { occupationCode: 'asc' } } } };

async function withScope(ctx: Context, id: string) {
  const sql = sqlOf(ctx.prisma);
  const [a, scope] = await Promise.all([agenciesById.one(sql, id), scopeOfAgency(sql, id)]);
  return a && { ...a, scope };
}

const AgencyStatusChangeEnum = builder.enumType('AgencyStatusChange', {
  values: {
    SUSPENDED: { description: '暂停' },
    CANCELLED: { description: '注销' },
    FILED: { description: '恢复' },
  },
});

builder.mutationField('recordAccountabilityCase', (t) =>
  t.prismaField({
    type: 'AccountabilityCase',
    description: '记录问题查处与责任追究（院校或本地区人社部门）',
    ...access.roles(...COLLEGE_SIDE, ...BUREAU_HR),
    args: t.validate(
      {
        agencyId: t.arg.id({ required: true }),
        problem: t.arg.string({ required: true }),
        responsibility: t.arg.string({ required: true }),
        measures: t.arg.string({ required: true }),
        occurredOn: t.arg({ type: 'DateTime', required: true, description: '发生日期（北京时间）' }),
        requestKey: t.arg.string(),
      },
      recordAccountabilityCaseInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => recordAccountabilityCase(ctx, input)),
  }),
);

builder.mutationField('changeAgencyStatus', (t) =>
  t.prismaField({
    type: 'Agency',
    description: '市人社局暂停、注销或恢复评价机构',
    ...access.roles(Role.CITY_HR, Role.PROVINCE_HR),
    args: t.validate(
      {
        agencyId: t.arg.id({ required: true }),
        status: t.arg({ type: AgencyStatusChangeEnum, required: true }),
        reason: t.arg.string({ required: true }),
      },
      changeAgencyStatusInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => changeAgencyStatus(ctx, input)),
  }),
);

builder.mutationField('updateAgencyContact', (t) =>
  t.prismaField({
    type: 'Agency',
    description: '院校更新本院校评价机构的联系地址和咨询电话（公开显示）',
    ...access.roles(...COLLEGE_SIDE),
    args: t.validate(
      { agencyId: t.arg.id({ required: true }), address: t.arg.string(), contactPhone: t.arg.string() },
      updateAgencyContactInput,
    ),
    resolve: (_q, _r, input, ctx) => typed(() => updateAgencyContact(ctx, input)),
  }),
);

/** 文件 */
const PrintedFileRef = builder.objectRef<PrintedFile>('PrintedFile').implement({
  description: '生成的文件（Base64 编码）',
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    contentType: t.exposeString('contentType'),
    base64: t.exposeString('base64'),
  }),
});

builder.queryField('filingCertificate', (t) =>
  t.field({
    type: PrintedFileRef,
    description: '备案证明（PDF）：已备案且在有效期内的机构；本地区监管部门和本院校可打印',
    ...access.roles(...BUREAUS, ...COLLEGE_SIDE),
    args: t.validate({ agencyId: t.arg.id({ required: true }) }, printFilingCertificateInput),
    resolve: (_r, input, ctx) => typed(() => printFilingCertificate(ctx, input)),
  }),
);
