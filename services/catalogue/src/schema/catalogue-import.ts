import { DomainError, OCCUPATION_MAJOR_GROUPS, Role } from '@skills/domain';
import { access, fromDomainError } from '@skills/service-kit';
import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import {
  CatalogueSources,
  ImportInputError,
  type CatalogueSource,
  type RowError,
} from '../domain/import-rows.js';
import { importCatalogue, type ImportReport } from '../import.js';
import { CatalogueKindEnum, CatalogueSourceEnum } from './enums.js';

const ImportFormat = builder.enumType('ImportFormat', { values: ['CSV', 'JSON'] as const });
const ImportMode = builder.enumType('ImportMode', {
  description: '导入方式',
  values: {
    ALL_OR_NOTHING: { description: '任一行有错则整批不导入' },
    SKIP_INVALID_ROWS: { description: '跳过错误行，导入其余各行' },
  },
});
const ImportStatus = builder.enumType('ImportStatus', {
  values: {
    APPLIED: { description: '已导入' },
    UNCHANGED: { description: '内容与现有目录一致，未做改动' },
    REJECTED: { description: '存在错误行，整批未导入' },
    DRY_RUN: { description: '仅校验，未导入' },
  },
});

const ImportRowError = builder.objectRef<RowError>('ImportRowError').implement({
  description: '导入文件中一行的错误',
  fields: (t) => ({
    row: t.exposeInt('row', { description: '数据行号（表头之后第一行为 1）' }),
    key: t.exposeString('key', { nullable: true, description: '该行的编码' }),
    field: t.exposeString('field', { nullable: true }),
    errorCode: t.exposeString('errorCode'),
    message: t.exposeString('message'),
  }),
});

const ImportReportRef = builder.objectRef<ImportReport>('ImportReport').implement({
  description: '目录导入结果',
  fields: (t) => ({
    status: t.field({ type: ImportStatus, resolve: (r) => r.status }),
    kind: t.field({ type: CatalogueKindEnum, resolve: (r) => r.kind }),
    version: t.exposeString('version'),
    checksum: t.exposeString('checksum', { description: '文件内容的 SHA-256' }),
    totalRows: t.exposeInt('totalRows'),
    validRows: t.exposeInt('validRows'),
    created: t.exposeInt('created'),
    updated: t.exposeInt('updated'),
    unchanged: t.exposeInt('unchanged'),
    errors: t.field({ type: [ImportRowError], resolve: (r) => r.errors }),
    importId: t.exposeString('importId', { nullable: true }),
  }),
});

const ImportCatalogueInput = builder.inputType('ImportCatalogueInput', {
  fields: (t) => ({
    kind: t.field({ type: CatalogueKindEnum, required: true }),
    format: t.field({ type: ImportFormat, required: true }),
    content: t.string({ required: true, description: '文件内容（UTF-8 文本）' }),
    version: t.string({ required: true, description: '目录版本，如 2022 或 2024-06' }),
    source: t.field({ type: CatalogueSourceEnum, description: '未在行内注明来源时使用的默认来源' }),
    mode: t.field({ type: ImportMode, defaultValue: 'ALL_OR_NOTHING' }),
    dryRun: t.boolean({ defaultValue: false }),
  }),
});

builder.mutationField('importCatalogue', (t) =>
  t.field({
    type: ImportReportRef,
    description: '导入目录文件（CSV/JSON），按编码幂等更新；仅省级目录管理员可用',
    ...access.roles(Role.PROVINCE_CATALOGUE_ADMIN),
    args: { input: t.arg({ type: ImportCatalogueInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      try {
        const report = await importCatalogue(ctx.prisma, {
          kind: input.kind,
          format: input.format,
          content: input.content,
          version: input.version,
          source: input.source ?? null,
          mode: input.mode ?? 'ALL_OR_NOTHING',
          dryRun: input.dryRun ?? false,
          importedBy: ctx.principal.id,
        });
        // Audit trail: who changed the catalogue, with what file (its checksum) and what changed.
        ctx.log.info(
          { audit: 'catalogue.import', by: ctx.principal.id, ...report, errors: report.errors.length },
          'catalogue import',
        );
        return report;
      } catch (e) {
        if (e instanceof ImportInputError)
          throw new GraphQLError(e.message, { extensions: { code: e.errorCode } });
        if (e instanceof DomainError) throw fromDomainError(e);
        throw e;
      }
    },
  }),
);

// ---- statistics: what the catalogue holds, for bureaus and the public portal ----

interface CountBy<K> {
  key: K;
  count: number;
}

const SourceCount = builder.objectRef<CountBy<CatalogueSource>>('SourceCount').implement({
  fields: (t) => ({
    source: t.field({ type: CatalogueSourceEnum, resolve: (c) => c.key }),
    count: t.exposeInt('count'),
  }),
});

const CategoryCount = builder.objectRef<CountBy<number>>('CategoryCount').implement({
  fields: (t) => ({
    category: t.exposeInt('key'),
    name: t.string({ resolve: (c) => OCCUPATION_MAJOR_GROUPS.find((g) => g.code === c.key)?.name ?? '' }),
    count: t.exposeInt('count'),
  }),
});

interface Stats {
  occupations: number;
  skillTypeOccupations: number;
  unverifiedOccupations: number;
  specialAbilityProjects: number;
  majors: number;
  bySource: CountBy<CatalogueSource>[];
  byCategory: CountBy<number>[];
  lastImportAt: Date | null;
}

const CatalogueStats = builder.objectRef<Stats>('CatalogueStats').implement({
  description: '目录统计',
  fields: (t) => ({
    occupations: t.exposeInt('occupations'),
    skillTypeOccupations: t.exposeInt('skillTypeOccupations'),
    unverifiedOccupations: t.exposeInt('unverifiedOccupations'),
    specialAbilityProjects: t.exposeInt('specialAbilityProjects'),
    majors: t.exposeInt('majors'),
    bySource: t.field({ type: [SourceCount], resolve: (s) => s.bySource }),
    byCategory: t.field({ type: [CategoryCount], resolve: (s) => s.byCategory }),
    lastImportAt: t.expose('lastImportAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryField('catalogueStats', (t) =>
  t.field({
    type: CatalogueStats,
    description: '目录统计（公开）',
    ...access.public(),
    resolve: async (_root, _args, { prisma }) => {
      const [
        occupations,
        skillTypeOccupations,
        unverifiedOccupations,
        specialAbilityProjects,
        majors,
        byCategory,
        last,
        bySource,
      ] = await Promise.all([
        prisma.occupation.count(),
        prisma.occupation.count({ where: { skillType: true } }),
        prisma.occupation.count({ where: { verified: false } }),
        prisma.specialAbilityProject.count(),
        prisma.major.count(),
        prisma.occupation.groupBy({ by: ['category'], _count: { _all: true }, orderBy: { category: 'asc' } }),
        prisma.catalogueImport.findFirst({ orderBy: { createdAt: 'desc' }, select: { createdAt: true } }),
        Promise.all(
          CatalogueSources.map(async (s) => ({
            key: s,
            count:
              s === 'FUJIAN_SPECIAL'
                ? await prisma.specialAbilityProject.count({ where: { sources: { has: s } } })
                : await prisma.occupation.count({ where: { sources: { has: s } } }),
          })),
        ),
      ]);
      return {
        occupations,
        skillTypeOccupations,
        unverifiedOccupations,
        specialAbilityProjects,
        majors,
        bySource,
        byCategory: byCategory.map((c) => ({ key: c.category, count: c._count._all })),
        lastImportAt: last?.createdAt ?? null,
      };
    },
  }),
);
