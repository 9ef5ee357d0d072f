// The Chinese name of every database enum value, checked for exhaustiveness by the compiler (a new value without
// a name does not build). The API describes each enum value with these; the portals show them.
import type * as E from '../generated/prisma/enums.js';

export const PLAN_KIND_NAMES: Record<E.PlanKind, string> = {
  OCCUPATION: '职业技能等级认定',
  SPECIAL_ABILITY: '专项职业能力考核',
};
export const PLAN_STATUS_NAMES: Record<E.PlanStatus, string> = {
  OPEN: '报名中',
  CLOSED: '报名截止',
  PUBLISHED: '成绩公示中',
  FINALIZED: '结果已确认',
  CANCELLED: '已取消',
};
export const SESSION_KIND_NAMES: Record<E.SessionKind, string> = {
  THEORY: '理论考场',
  PRACTICAL: '实操考站',
};
export const STAFF_ROLE_NAMES: Record<E.StaffRole, string> = { ASSESSOR: '考评员', SUPERVISOR: '质量督导员' };
export const REGISTRATION_STATUS_NAMES: Record<E.RegistrationStatus, string> = {
  REGISTERED: '已报名',
  WITHDRAWN: '已撤回',
};
export const THEORY_SOURCE_NAMES: Record<E.TheorySource, string> = {
  EXAM: '理论考试',
  COURSE_SUBSTITUTION: '结课综合考试成绩替代',
};
export const OBJECTION_STATUS_NAMES: Record<E.ObjectionStatus, string> = {
  OPEN: '待处理',
  UPHELD: '异议成立',
  DISMISSED: '异议不成立',
};
export const IMPORT_KIND_NAMES: Record<E.ImportKind, string> = { ROSTER: '学生名单', SCORES: '成绩' };
export const INSPECTION_VIOLATION_NAMES: Record<E.InspectionViolation, string> = {
  OUTSOURCING: '转包或委托第三方组织评价',
  ASSESSMENT_IRREGULARITY: '考核评价不规范',
  RECORDS: '工作台账、档案不规范',
  OTHER: '其他',
};
/** the same names as agencies' ViolationSeverity (one enum in the supergraph) */
export const VIOLATION_SEVERITY_NAMES: Record<E.ViolationSeverity, string> = {
  MINOR: '轻微',
  SERIOUS: '严重',
  GRAVE: '特别严重',
};
export const VIOLATION_DELIVERY_NAMES: Record<E.ViolationDelivery, string> = {
  NONE: '未认定违规',
  PENDING: '待移送评价机构服务',
  DELIVERED: '已记入违规记录',
};
