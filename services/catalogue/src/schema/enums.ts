import { SKILL_LEVELS, type SkillLevel, type SkillLevelCode } from '@skills/domain';
import { builder } from '../builder.js';
import {
  CatalogueKinds,
  CatalogueSources,
  catalogueSourceNames,
  EducationLevels,
  type CatalogueSource,
} from '../domain/import-rows.js';

/** 职业技能等级 — values are the domain's numeric levels (5 = 五级 … 1 = 一级). */
export const SkillLevelEnum = builder.enumType('SkillLevel', {
  description: '职业技能等级',
  values: Object.fromEntries(
    SKILL_LEVELS.map((l) => [l.code, { value: l.level, description: `${l.name}/${l.title}` }]),
  ) as unknown as Record<SkillLevelCode, { value: SkillLevel; description: string }>,
});

export const CatalogueSourceEnum = builder.enumType('CatalogueSource', {
  description: '目录来源',
  values: Object.fromEntries(
    CatalogueSources.map((s) => [s, { value: s, description: catalogueSourceNames[s] }]),
  ) as unknown as Record<CatalogueSource, { value: CatalogueSource; description: string }>,
});

export const CatalogueKindEnum = builder.enumType('CatalogueKind', {
  description: '目录种类：职业、专项职业能力考核项目、专业',
  values: CatalogueKinds,
});

export const EducationLevelEnum = builder.enumType('EducationLevel', {
  description: '专业层次：中职 / 高职专科 / 职业本科',
  values: EducationLevels,
});
