import { schoolTypeName } from '@skills/domain';
import { access } from '@skills/service-kit';
import { regionsWithin } from '../access-scope.js';
import { builder } from '../builder.js';
import { effectiveStatus } from '../domain/workflow.js';
import { AgencyKindEnum, SchoolTypeEnum } from './common.js';

/** 院校 */
export const Institution = builder.prismaObject('Institution', {
  description: '院校或培训机构（以统一社会信用代码标识）',
  fields: (t) => ({
    creditCode: t.exposeString('creditCode', { description: '统一社会信用代码（演示数据为生成的代码）' }),
    name: t.exposeString('name'),
    schoolType: t.expose('schoolType', { type: SchoolTypeEnum }),
    schoolTypeName: t.string({ resolve: (i) => schoolTypeName(i.schoolType) }),
    regionCode: t.exposeString('regionCode'),
    region: t.prismaField({
      type: 'Region',
      nullable: true,
      resolve: (q, i, _a, ctx) => ctx.prisma.region.findUnique({ ...q, where: { code: i.regionCode } }),
    }),
    demo: t.exposeBoolean('demo', { description: '演示数据' }),
    majors: t.exposeStringList('majors', { description: '开设专业代码' }),
    filedAgencyKinds: t.field({
      type: [AgencyKindEnum],
      description: '已备案且在有效期内的评价机构类型（公开信息，与公开名录一致）',
      select: {
        agencies: { where: { status: 'FILED' }, select: { kind: true, status: true, validUntil: true } },
      },
      resolve: (i) => {
        const live = i.agencies.filter((a) => effectiveStatus(a) === 'FILED').map((a) => a.kind);
        return [...new Set(live)].sort();
      },
    }),
  }),
});

builder.asEntity(Institution, {
  key: builder.selection<{ creditCode: string }>('creditCode'),
  resolveReference: (ref, ctx) => ctx.loaders.institution.load(ref.creditCode),
});

builder.queryFields((t) => ({
  institution: t.prismaField({
    type: 'Institution',
    nullable: true,
    description: '按统一社会信用代码查询院校（公开信息）',
    ...access.public(),
    args: { creditCode: t.arg.string({ required: true }) },
    resolve: (query, _r, { creditCode }, ctx) =>
      ctx.prisma.institution.findUnique({ ...query, where: { creditCode: creditCode.trim().toUpperCase() } }),
  }),
  institutions: t.prismaConnection(
    {
      type: 'Institution',
      cursor: 'creditCode',
      defaultSize: 50,
      maxSize: 200,
      description: '院校名录（公开信息）',
      ...access.public(),
      args: { regionCode: t.arg.string(), search: t.arg.string() },
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.institution.findMany({
          ...query,
          where: institutionsWhere(args),
          orderBy: [{ regionCode: 'asc' }, { name: 'asc' }, { creditCode: 'asc' }],
        }),
      totalCount: (_p, args, ctx) => ctx.prisma.institution.count({ where: institutionsWhere(args) }),
    },
    {},
  ),
}));

function institutionsWhere(args: { regionCode?: string | null; search?: string | null }) {
  return {
    ...(args.regionCode ? { regionCode: { in: regionsWithin(args.regionCode) } } : {}),
    ...(args.search?.trim() ? { name: { contains: args.search.trim() } } : {}),
  };
}
