import {
  CANDIDATE_CATEGORY_NAMES,
  DomainError,
  SCHOOL_TYPES,
  SCORE_MARK_NAMES,
  SKILL_LEVELS,
  type SchoolType,
  type SkillLevel,
  type SkillLevelCode,
} from '@skills/domain';
import { fromDomainError } from '@skills/service-kit';
import { builder } from '../builder.js';
import { ConflictType } from '../domain/json-columns.js';
import {
  IMPORT_KIND_NAMES,
  INSPECTION_VIOLATION_NAMES,
  OBJECTION_STATUS_NAMES,
  PLAN_KIND_NAMES,
  PLAN_STATUS_NAMES,
  REGISTRATION_STATUS_NAMES,
  SESSION_KIND_NAMES,
  STAFF_ROLE_NAMES,
  THEORY_SOURCE_NAMES,
  VIOLATION_DELIVERY_NAMES,
  VIOLATION_SEVERITY_NAMES,
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

export const CandidateCategoryEnum = enumOf(
  'CandidateCategory',
  '考生类别',
  E.CandidateCategory,
  CANDIDATE_CATEGORY_NAMES,
);
export const PlanKindEnum = enumOf('AssessmentPlanKind', '评价类别', E.PlanKind, PLAN_KIND_NAMES);
export const PlanStatusEnum = enumOf('AssessmentPlanStatus', '评价计划状态', E.PlanStatus, PLAN_STATUS_NAMES);
export const SessionKindEnum = enumOf('AssessmentSessionKind', '考场类别', E.SessionKind, SESSION_KIND_NAMES);
export const StaffRoleEnum = enumOf('SessionStaffRole', '考务人员类别', E.StaffRole, STAFF_ROLE_NAMES);
export const RegistrationStatusEnum = enumOf(
  'RegistrationStatus',
  '报名状态',
  E.RegistrationStatus,
  REGISTRATION_STATUS_NAMES,
);
export const ScoreMarkEnum = enumOf('ScoreMark', '考试情况', E.ScoreMark, SCORE_MARK_NAMES);
export const TheorySourceEnum = enumOf('TheorySource', '理论成绩来源', E.TheorySource, THEORY_SOURCE_NAMES);
export const ObjectionStatusEnum = enumOf(
  'ObjectionStatus',
  '异议状态',
  E.ObjectionStatus,
  OBJECTION_STATUS_NAMES,
);
export const ImportKindEnum = enumOf('ImportKind', '导入类别', E.ImportKind, IMPORT_KIND_NAMES);
export const InspectionViolationEnum = enumOf(
  'InspectionViolationType',
  '督导检查认定的违规类型',
  E.InspectionViolation,
  INSPECTION_VIOLATION_NAMES,
);
/** shared with agencies (same name, same values and descriptions): one enum in the supergraph */
export const ViolationSeverityEnum = enumOf(
  'ViolationSeverity',
  '违规程度',
  E.ViolationSeverity,
  VIOLATION_SEVERITY_NAMES,
);
export const ViolationDeliveryEnum = enumOf(
  'ViolationDelivery',
  '违规移送状态',
  E.ViolationDelivery,
  VIOLATION_DELIVERY_NAMES,
);
export const ConflictTypeEnum = enumOf('StaffConflictType', '回避关系', ConflictType, {
  TEACHER_OF: '任课教师',
  RELATIVE_OF: '亲属',
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

/** A decimal column as a number (scores have one decimal). */
export const num = (d: { toNumber(): number } | null | undefined) => (d == null ? null : d.toNumber());
