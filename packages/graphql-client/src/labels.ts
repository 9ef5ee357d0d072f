// Chinese labels for the schema's enums. Typed as exhaustive records over the generated enum types, so a value
// added to the schema fails the build until it has a label.
import type { AgencyStatus, CatalogueSource, EducationLevel, FilingKind } from './generated/schema.js';

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

/** 备案申请类型 */
export const FILING_KIND_LABELS = {
  INITIAL: '首次备案',
  SCOPE_CHANGE: '增设',
  RENEWAL: '延续',
} as const satisfies Readonly<Record<FilingKind, string>>;

/** Tag colours of an agency's status, the same in every portal (dark enough for white text). */
export const AGENCY_STATUS_COLOURS = {
  APPLYING: '#0b57d0',
  FILED: '#237804',
  SUSPENDED: '#ad4e00',
  CANCELLED: '#a8071a',
  EXPIRED: '#595959',
} as const satisfies Readonly<Record<AgencyStatus, string>>;
