// 中文名称 of the register's statuses and types, for the `…Name` fields partners read. Typed by the database
// enums, so a value added to the Prisma schema fails the build until it has a name here.
import type {
  AgencyEventType,
  AgencyStatus,
  AssessorKind,
  FilingKind,
  FilingPeriodReason,
  FilingStatus,
  ScopeItemKind,
  ViolationConsequence,
  ViolationSeverity,
  ViolationType,
} from '../generated/prisma/enums.js';

export const AGENCY_STATUS_NAMES: Readonly<Record<AgencyStatus, string>> = {
  APPLYING: '申请中',
  FILED: '已备案',
  SUSPENDED: '暂停',
  CANCELLED: '已注销',
  EXPIRED: '备案已到期',
};

export const FILING_STATUS_NAMES: Readonly<Record<FilingStatus, string>> = {
  SUBMITTED: '已提交，待县区审核',
  COUNTY_REVIEWED: '县区已审核，待市局决定',
  APPROVED: '已备案',
  RETURNED: '退回补正',
  REJECTED: '不予备案',
  WITHDRAWN: '已撤回',
};

export const FILING_KIND_NAMES: Readonly<Record<FilingKind, string>> = {
  INITIAL: '首次备案',
  SCOPE_CHANGE: '增设',
  RENEWAL: '延续',
};

export const FILING_PERIOD_REASON_NAMES: Readonly<Record<FilingPeriodReason, string>> = {
  INITIAL: '首次备案',
  RENEWAL: '延续',
};

export const SCOPE_ITEM_KIND_NAMES: Readonly<Record<ScopeItemKind, string>> = {
  OCCUPATION: '职业（工种）',
  SPECIAL_ABILITY: '专项职业能力考核项目',
};

export const EVENT_TYPE_NAMES: Readonly<Record<AgencyEventType, string>> = {
  FILING_SUBMITTED: '提交备案申请',
  SCOPE_CHANGE_SUBMITTED: '提交增设申请',
  RENEWAL_SUBMITTED: '提交延续申请',
  FILING_COUNTY_OPINION: '县区提出审核意见',
  FILING_APPROVE: '准予备案',
  FILING_RETURN: '退回补正',
  FILING_REJECT: '不予备案',
  FILING_RESUBMIT: '补正后重新提交',
  FILING_WITHDRAW: '撤回申请',
  AGENCY_FILED: '机构备案生效',
  SCOPE_EXTENDED: '备案范围增设生效',
  AGENCY_RENEWED: '备案延续生效',
  AGENCY_EXPIRED: '备案有效期届满',
  AGENCY_SUSPENDED: '暂停',
  AGENCY_CANCELLED: '注销',
  AGENCY_RESTORED: '恢复',
  VIOLATION_RECORDED: '记录违规',
  VIOLATION_CLOSED: '违规整改完毕',
  CONTACT_UPDATED: '更新联系方式',
  ASSESSOR_REGISTERED: '登记考评员',
  ASSESSOR_UPDATED: '更新考评员信息',
  CASE_RECORDED: '记录问题查处与责任追究',
};

export const VIOLATION_TYPE_NAMES: Readonly<Record<ViolationType, string>> = {
  OUTSOURCING: '转包或委托第三方组织评价',
  RECORDS: '工作台账、档案不规范',
  ASSESSMENT_IRREGULARITY: '考核评价不规范',
  CERTIFICATE_IRREGULARITY: '证书发放不规范',
  OTHER: '其他',
};

export const VIOLATION_SEVERITY_NAMES: Readonly<Record<ViolationSeverity, string>> = {
  MINOR: '轻微',
  SERIOUS: '严重',
  GRAVE: '特别严重',
};

export const VIOLATION_CONSEQUENCE_NAMES: Readonly<Record<ViolationConsequence, string>> = {
  NONE: '责令整改',
  SUSPENSION: '暂停',
  CANCELLATION: '注销',
};

export const ASSESSOR_KIND_NAMES: Readonly<Record<AssessorKind, string>> = {
  ASSESSOR: '考评员',
  SUPERVISOR: '质量督导员',
};
