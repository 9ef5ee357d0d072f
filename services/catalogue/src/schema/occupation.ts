import { majorGroupName, parseOccupationCode } from '@skills/domain';
import { access, badInput, fromDomainError, graphqlError, scalarsOnly, sqlOf } from '@skills/service-kit';
import { builder } from '../builder.js';
import { occupationsByCode } from '../context.js';
import type { CatalogueSource } from '../domain/import-rows.js';
import { classifySearch, searchWhere } from '../domain/search.js';
import { CatalogueSourceEnum, SkillLevelEnum } from './enums.js';

/** 职业（工种） */
export const Occupation = builder.prismaObject('Occupation', {
  description: '职业（工种），来自职业分类大典（2022年版）和/或可备案职业（工种）目录',
  fields: (t) => ({
    code: t.exposeString('code', { description: '职业编码，如 6-31-01-03' }),
    name: t.exposeString('name'),
    category: t.exposeInt('category', { description: '大典大类 1-8' }),
    categoryName: t.string({ resolve: (o) => majorGroupName(o.category) ?? '' }),
    skillType: t.exposeBoolean('skillType', { description: '是否技能类职业（仅技能类可备案评价）' }),
    levels: t.field({
      type: [SkillLevelEnum],
      description: '国家职业标准设置的等级',
      resolve: (o) => o.levels as Array<5 | 4 | 3 | 2 | 1>,
    }),
    standard: t.exposeString('standard', { nullable: true, description: '国家职业技能标准' }),
    sources: t.field({ type: [CatalogueSourceEnum], resolve: (o) => o.sources as CatalogueSource[] }),
    verified: t.exposeBoolean('verified', { description: '编码是否已与公开来源核对' }),
    note: t.exposeString('note', { nullable: true }),
    version: t.exposeString('version', { description: '最近一次更新该条目的目录版本' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.asEntity(Occupation, {
  key: builder.selection<{ code: string }>('code'),
  resolveReference: (ref, ctx) => ctx.loaders.occupation.load(ref.code),
});

interface OccupationFilter {
  codes?: readonly string[] | null;
  search?: string | null;
  category?: number | null;
  level?: number | null;
  source?: string | null;
  skillType?: boolean | null;
}

function occupationWhere(args: OccupationFilter) {
  if ((args.search?.length ?? 0) > 50) throw badInput('search', '搜索词不能超过 50 个字');
  if ((args.codes?.length ?? 0) > 100) throw badInput('codes', '一次最多查询 100 个职业编码');
  if (args.category != null && (args.category < 1 || args.category > 8)) {
    throw badInput('category', '大类应为 1-8');
  }
  return {
    ...(args.codes ? { code: { in: args.codes.map((c) => c.trim()) } } : {}),
    ...searchWhere(classifySearch(args.search)),
    ...(args.category != null ? { category: args.category } : {}),
    ...(args.level != null ? { levels: { has: args.level } } : {}),
    ...(args.source != null ? { sources: { has: args.source } } : {}),
    ...(args.skillType != null ? { skillType: args.skillType } : {}),
  };
}

builder.queryFields((t) => ({
  occupation: t.prismaField({
    type: 'Occupation',
    nullable: true,
    description: '按职业编码查询职业（工种）',
    ...access.public(),
    args: { code: t.arg.string({ required: true }) },
    resolve: async (query, _root, { code }, ctx, info) => {
      const parsed = parseOccupationCode(code);
      if (!parsed.ok) throw fromDomainError(parsed.error);
      // the hot path (every portal, every partner): one prepared statement for the selected columns, unless a
      // relation (majors) is asked for
      const occupation = scalarsOnly(query)
        ? await occupationsByCode.one(sqlOf(ctx.prisma), parsed.value.code, info)
        : await ctx.prisma.occupation.findUnique({ ...query, where: { code: parsed.value.code } });
      if (!occupation) throw graphqlError('OCCUPATION_NOT_FOUND', { code: parsed.value.code });
      return occupation;
    },
  }),
  occupations: t.prismaConnection(
    {
      type: 'Occupation',
      cursor: 'code',
      defaultSize: 20,
      maxSize: 100,
      description: '职业目录：按名称、拼音首字母（如 dg）或编码前缀搜索，按大类、等级、来源筛选',
      ...access.public(),
      args: {
        codes: t.arg.stringList({ description: '只要这些职业编码的（至多 100 个）：一次取回多个职业' }),
        search: t.arg.string({ description: '中文名称片段、拼音（首字母或全拼）或编码前缀' }),
        category: t.arg.int({ description: '大典大类 1-8' }),
        level: t.arg({ type: SkillLevelEnum }),
        source: t.arg({ type: CatalogueSourceEnum }),
        skillType: t.arg.boolean(),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.occupation.findMany({ ...query, where: occupationWhere(args), orderBy: { code: 'asc' } }),
      totalCount: (_parent, args, ctx) => ctx.prisma.occupation.count({ where: occupationWhere(args) }),
    },
    {},
  ),
}));
