// Chinese labels for the schema's enums. Typed as exhaustive records over the generated enum types, so a value
// added to the schema fails the build until it has a label.
import type { CatalogueSource, EducationLevel } from './generated/schema.js';

export const CATALOGUE_SOURCE_LABELS: Readonly<Record<CatalogueSource, string>> = {
  DADIAN_2022: '职业分类大典（2022年版）',
  FILABLE_LIST: '可备案职业（工种）目录',
  FUJIAN_SPECIAL: '福建省专项职业能力考核项目目录',
};

export const EDUCATION_LEVEL_LABELS: Readonly<Record<EducationLevel, string>> = {
  SECONDARY: '中职',
  HIGHER: '高职专科',
  UNDERGRADUATE: '职业本科',
};

export const CATALOGUE_SOURCES = Object.keys(CATALOGUE_SOURCE_LABELS) as CatalogueSource[];
export const EDUCATION_LEVELS = Object.keys(EDUCATION_LEVEL_LABELS) as EducationLevel[];
