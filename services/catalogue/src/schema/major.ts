import { access, badInput, notFound } from '@skills/service-kit';
import { builder } from '../builder.js';
import { EducationLevelEnum } from './enums.js';
import { Occupation } from './occupation.js';

/** 专业（职业教育专业目录 2021）及其对接职业 */
export const Major = builder.prismaObject('Major', {
  description: '专业（职业教育专业目录），及其对接的职业（专业对接）',
  fields: (t) => ({
    code: t.exposeString('code', { description: '专业代码' }),
    name: t.exposeString('name'),
    educationLevel: t.field({ type: EducationLevelEnum, resolve: (m) => m.educationLevel as 'SECONDARY' }),
    verified: t.exposeBoolean('verified'),
    version: t.exposeString('version'),
    occupations: t.field({
      type: [Occupation],
      description: '对接的职业（工种）',
      select: { occupations: { select: { occupation: true }, orderBy: { occupationCode: 'asc' } } },
      resolve: (m) => m.occupations.map((o) => o.occupation),
    }),
  }),
});

// 专业对接, seen from the occupation side (defined here to keep the two types free of an import cycle).
builder.prismaObjectField(Occupation, 'majors', (t) =>
  t.field({
    type: [Major],
    description: '对接的专业',
    select: { majors: { select: { major: true }, orderBy: { majorCode: 'asc' } } },
    resolve: (o) => o.majors.map((m) => m.major),
  }),
);

builder.asEntity(Major, {
  key: builder.selection<{ code: string }>('code'),
  resolveReference: (ref, ctx) => ctx.prisma.major.findUnique({ where: { code: ref.code } }),
});

builder.queryFields((t) => ({
  major: t.prismaField({
    type: 'Major',
    nullable: true,
    description: '按专业代码查询专业',
    ...access.public(),
    args: { code: t.arg.string({ required: true }) },
    resolve: async (query, _root, { code }, ctx) => {
      if (!/^\d{6}$/.test(code.trim())) throw badInput('code', '专业代码应为 6 位数字');
      const major = await ctx.prisma.major.findUnique({ ...query, where: { code: code.trim() } });
      if (!major) throw notFound(`专业 ${code.trim()}`);
      return major;
    },
  }),
  majors: t.prismaConnection(
    {
      type: 'Major',
      cursor: 'code',
      defaultSize: 20,
      maxSize: 100,
      description: '专业列表，可按名称或代码前缀搜索、按层次筛选',
      ...access.public(),
      args: { search: t.arg.string(), educationLevel: t.arg({ type: EducationLevelEnum }) },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.major.findMany({ ...query, where: majorWhere(args), orderBy: { code: 'asc' } }),
      totalCount: (_parent, args, ctx) => ctx.prisma.major.count({ where: majorWhere(args) }),
    },
    {},
  ),
}));

function majorWhere(args: { search?: string | null; educationLevel?: string | null }) {
  const s = args.search?.trim();
  return {
    ...(s ? (/^\d+$/.test(s) ? { code: { startsWith: s } } : { name: { contains: s } }) : {}),
    ...(args.educationLevel ? { educationLevel: args.educationLevel } : {}),
  };
}
