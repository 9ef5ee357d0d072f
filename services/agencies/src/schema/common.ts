import {
  AgencyKind,
  DomainError,
  SCHOOL_TYPES,
  SKILL_LEVELS,
  type SchoolType,
  type SkillLevel,
  type SkillLevelCode,
} from '@skills/domain';
import { fromDomainError } from '@skills/service-kit';
import { builder } from '../builder.js';
import { ConflictType } from '../domain/json-columns.js';
import {
  AGENCY_STATUS_NAMES,
  ASSESSOR_KIND_NAMES,
  EVENT_TYPE_NAMES,
  FILING_KIND_NAMES,
  FILING_PERIOD_REASON_NAMES,
  FILING_STATUS_NAMES,
  SCOPE_ITEM_KIND_NAMES,
  VIOLATION_CONSEQUENCE_NAMES,
  VIOLATION_SEVERITY_NAMES,
  VIOLATION_TYPE_NAMES,
} from '../domain/names.js';
import * as E from '../generated/prisma/enums.js';

export const SkillLevelEnum = builder.enumType('SkillLevel', {
  description: '职业技能等级',
  values: Object.fromEntries(
    SKILL_LEVELS.map((l) => [l.code, { value: l.level, description: `${l.name}/${l.title}` }]),
  ) as unknown as Record<SkillLevelCode, { value: SkillLevel; description: string }>,
});

export const SchoolTypeEnum = builder.enumType('SchoolType', {
  description: '院校类型',
  values: Object.fromEntries(SCHOOL_TYPES.map((s) => [s.type, { description: s.fullName }])) as Record<
    SchoolType,
    { description: string }
  >,
});

export const AgencyKindEnum = builder.enumType('AgencyKind', {
  description: '评价机构类型',
  values: Object.values(AgencyKind),
});

/** A GraphQL enum from a database enum, each value described by its Chinese name (every value must have one). */
function enumOf<K extends string>(
  name: string,
  description: string,
  values: Record<K, K>,
  names: Record<K, string>,
) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(
      (Object.keys(values) as K[]).map((k) => [k, { value: k, description: names[k] }]),
    ) as Record<K, { value: K; description: string }>,
  });
}

export const AgencyStatusEnum = enumOf('AgencyStatus', '机构状态', E.AgencyStatus, AGENCY_STATUS_NAMES);
export const FilingStatusEnum = enumOf('FilingStatus', '备案申请状态', E.FilingStatus, FILING_STATUS_NAMES);
export const FilingKindEnum = enumOf('FilingKind', '备案申请类型', E.FilingKind, FILING_KIND_NAMES);
export const FilingPeriodReasonEnum = enumOf(
  'FilingPeriodReason',
  '备案期的由来',
  E.FilingPeriodReason,
  FILING_PERIOD_REASON_NAMES,
);
export const ScopeItemKindEnum = enumOf(
  'ScopeItemKind',
  '备案范围类别',
  E.ScopeItemKind,
  SCOPE_ITEM_KIND_NAMES,
);
export const AgencyEventTypeEnum = enumOf(
  'AgencyEventType',
  '办理记录类型',
  E.AgencyEventType,
  EVENT_TYPE_NAMES,
);
export const ViolationTypeEnum = enumOf('ViolationType', '违规类型', E.ViolationType, VIOLATION_TYPE_NAMES);
export const ViolationSeverityEnum = enumOf(
  'ViolationSeverity',
  '违规程度',
  E.ViolationSeverity,
  VIOLATION_SEVERITY_NAMES,
);
export const ViolationConsequenceEnum = enumOf(
  'ViolationConsequence',
  '处理结果',
  E.ViolationConsequence,
  VIOLATION_CONSEQUENCE_NAMES,
);
export const AssessorKindEnum = enumOf('AssessorKind', '人员类别', E.AssessorKind, ASSESSOR_KIND_NAMES);
export const ConflictTypeEnum = enumOf('ConflictType', '回避关系', ConflictType, {
  TEACHER_OF: '任课教师',
  RELATIVE_OF: '亲属',
});
export const RegionKindEnum = enumOf('RegionKind', '区划层级', E.RegionKind, {
  PROVINCE: '省',
  CITY: '设区市',
  COUNTY: '县（市、区）',
  FUNCTIONAL_ZONE: '功能区',
});

/** Runs a command; domain refusals become typed GraphQL errors with their Chinese message. */
export async function typed<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof DomainError) throw fromDomainError(e);
    throw e;
  }
}
