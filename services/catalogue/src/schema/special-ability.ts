import { access, badInput, notFound } from '@skills/service-kit';
import { builder } from '../builder.js';
import type { CatalogueSource } from '../domain/import-rows.js';
import { classifySearch, searchWhere } from '../domain/search.js';
import { CatalogueSourceEnum } from './enums.js';

/** 专项职业能力考核项目 */
export const SpecialAbilityProject = builder.prismaObject('SpecialAbilityProject', {
  description: '专项职业能力考核项目（福建省专项职业能力考核项目目录）',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    industry: t.exposeString('industry', { nullable: true }),
    regionCode: t.exposeString('regionCode', { nullable: true, description: '主要适用地区（GB/T 2260）' }),
    description: t.exposeString('description', { nullable: true }),
    sources: t.field({ type: [CatalogueSourceEnum], resolve: (p) => p.sources as CatalogueSource[] }),
    verified: t.exposeBoolean('verified'),
    note: t.exposeString('note', { nullable: true }),
    version: t.exposeString('version'),
  }),
});

builder.asEntity(SpecialAbilityProject, {
  key: builder.selection<{ code: string }>('code'),
  resolveReference: (ref, ctx) => ctx.prisma.specialAbilityProject.findUnique({ where: { code: ref.code } }),
});

builder.queryFields((t) => ({
  specialAbilityProject: t.prismaField({
    type: 'SpecialAbilityProject',
    nullable: true,
    ...access.public(),
    args: { code: t.arg.string({ required: true }) },
    resolve: async (query, _root, { code }, ctx) => {
      const project = await ctx.prisma.specialAbilityProject.findUnique({
        ...query,
        where: { code: code.trim() },
      });
      if (!project) throw notFound(`专项职业能力考核项目 ${code.trim()}`);
      return project;
    },
  }),
  specialAbilityProjects: t.prismaConnection(
    {
      type: 'SpecialAbilityProject',
      cursor: 'code',
      defaultSize: 20,
      maxSize: 100,
      description: '专项职业能力考核项目，可按名称、拼音或编码搜索',
      ...access.public(),
      args: {
        codes: t.arg.stringList({ description: '只要这些项目编码的（至多 100 个）' }),
        search: t.arg.string(),
        regionCode: t.arg.string(),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.specialAbilityProject.findMany({
          ...query,
          where: projectWhere(args),
          orderBy: { code: 'asc' },
        }),
      totalCount: (_parent, args, ctx) =>
        ctx.prisma.specialAbilityProject.count({ where: projectWhere(args) }),
    },
    {},
  ),
}));

function projectWhere(args: {
  codes?: readonly string[] | null;
  search?: string | null;
  regionCode?: string | null;
}) {
  if ((args.codes?.length ?? 0) > 100) throw badInput('codes', '一次最多查询 100 个项目编码');
  const term = classifySearch(args.search);
  // Project codes are letters and digits (FJZX-0001), so a latin search also tries the code.
  const where =
    term?.kind === 'pinyin'
      ? { OR: [searchWhere(term), { code: { startsWith: term.value.toUpperCase() } }] }
      : searchWhere(term);
  return {
    ...where,
    ...(args.codes ? { code: { in: args.codes.map((c) => c.trim()) } } : {}),
    ...(args.regionCode ? { regionCode: args.regionCode } : {}),
  };
}
