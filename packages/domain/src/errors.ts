// 错误码与统一结果类型 — shared by subgraphs (GraphQL `extensions.code`) and portals (user-facing text).

/** 错误码. Values equal their keys so they can travel as strings over GraphQL. */
export const ErrorCode = {
  INVALID_OCCUPATION_CODE: 'INVALID_OCCUPATION_CODE',
  OCCUPATION_NOT_FOUND: 'OCCUPATION_NOT_FOUND',
  INVALID_REGION_CODE: 'INVALID_REGION_CODE',
  REGION_NOT_FOUND: 'REGION_NOT_FOUND',
  INVALID_ID_NUMBER: 'INVALID_ID_NUMBER',
  INVALID_CREDIT_CODE: 'INVALID_CREDIT_CODE',
  INVALID_SKILL_LEVEL: 'INVALID_SKILL_LEVEL',
  LEVEL_EXCEEDS_SCHOOL_CAP: 'LEVEL_EXCEEDS_SCHOOL_CAP',
  SPECIAL_ABILITY_NOT_ALLOWED: 'SPECIAL_ABILITY_NOT_ALLOWED',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  IMPORT_ROWS_INVALID: 'IMPORT_ROWS_INVALID',
  IMPORT_EMPTY: 'IMPORT_EMPTY',
  UNSUPPORTED_FORMAT: 'UNSUPPORTED_FORMAT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  INTERNAL: 'INTERNAL',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  INVALID_TOKEN: 'INVALID_TOKEN',
  OCCUPATION_NOT_SKILL_TYPE: 'OCCUPATION_NOT_SKILL_TYPE',
  LEVEL_NOT_IN_STANDARD: 'LEVEL_NOT_IN_STANDARD',
  LEVEL_NEEDS_EXPANSION: 'LEVEL_NEEDS_EXPANSION',
  SCOPE_KIND_MISMATCH: 'SCOPE_KIND_MISMATCH',
  SCOPE_EMPTY: 'SCOPE_EMPTY',
  EXPANSION_BLOCKED_OPEN_VIOLATION: 'EXPANSION_BLOCKED_OPEN_VIOLATION',
  EXPANSION_BLOCKED_VIOLATION_RECORD: 'EXPANSION_BLOCKED_VIOLATION_RECORD',
  EXPANSION_VOLUME_NOT_MET: 'EXPANSION_VOLUME_NOT_MET',
  AGENCY_NOT_FILED: 'AGENCY_NOT_FILED',
  FILING_WRONG_STATE: 'FILING_WRONG_STATE',
  FILING_ALREADY_OPEN: 'FILING_ALREADY_OPEN',
  SCOPE_NOT_CHANGEABLE: 'SCOPE_NOT_CHANGEABLE',
  REASON_REQUIRED: 'REASON_REQUIRED',
  EVALUATION_COUNT_UNAVAILABLE: 'EVALUATION_COUNT_UNAVAILABLE',
  EXPANSION_POLICY_UNSET: 'EXPANSION_POLICY_UNSET',
  THIRD_PARTY_NEEDS_STUDENT_SERVICE: 'THIRD_PARTY_NEEDS_STUDENT_SERVICE',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  PLAN_OUTSIDE_AGENCY_SCOPE: 'PLAN_OUTSIDE_AGENCY_SCOPE',
  PLAN_AGENCY_KIND_MISMATCH: 'PLAN_AGENCY_KIND_MISMATCH',
  PLAN_OUTSIDE_FILING_PERIOD: 'PLAN_OUTSIDE_FILING_PERIOD',
  PLAN_NOT_OPEN: 'PLAN_NOT_OPEN',
  PLAN_FULL: 'PLAN_FULL',
  PLAN_WRONG_STATE: 'PLAN_WRONG_STATE',
  NOT_ELIGIBLE: 'NOT_ELIGIBLE',
  CANDIDATE_OTHER_COLLEGE: 'CANDIDATE_OTHER_COLLEGE',
  ASSESSOR_CONFLICT: 'ASSESSOR_CONFLICT',
  STAFFING_INSUFFICIENT: 'STAFFING_INSUFFICIENT',
  OUTSOURCED_SESSION: 'OUTSOURCED_SESSION',
  SUBSTITUTION_NOT_ALLOWED: 'SUBSTITUTION_NOT_ALLOWED',
  SUBSTITUTION_NEEDS_OWN_MAJOR: 'SUBSTITUTION_NEEDS_OWN_MAJOR',
  SCORE_OUT_OF_RANGE: 'SCORE_OUT_OF_RANGE',
  PUBLICATION_NOT_ENDED: 'PUBLICATION_NOT_ENDED',
  OBJECTION_PERIOD_OVER: 'OBJECTION_PERIOD_OVER',
  OBJECTION_PENDING: 'OBJECTION_PENDING',
  RATE_LIMITED: 'RATE_LIMITED',
  RESULT_NOT_ISSUABLE: 'RESULT_NOT_ISSUABLE',
  ISSUER_NOT_ALLOWED: 'ISSUER_NOT_ALLOWED',
  CERTIFICATE_REVOKED: 'CERTIFICATE_REVOKED',
  REVOCATION_WRONG_STATE: 'REVOCATION_WRONG_STATE',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Placeholder values for `{name}` slots in a message. */
export type ErrorParams = Readonly<Record<string, string | number>>;

/** 用户可见的中文提示. `{name}` slots are filled by `errorMessage`. */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  INVALID_OCCUPATION_CODE: '职业编码格式不正确，应为“6-31-01-03”形式',
  OCCUPATION_NOT_FOUND: '未找到职业编码为 {code} 的职业（工种）',
  INVALID_REGION_CODE: '行政区划代码格式不正确，应为6位数字',
  REGION_NOT_FOUND: '未找到该行政区划',
  INVALID_ID_NUMBER: '居民身份证号码不正确，请核对',
  INVALID_CREDIT_CODE: '统一社会信用代码不正确，请核对',
  INVALID_SKILL_LEVEL: '职业技能等级不正确，应为五级至一级',
  LEVEL_EXCEEDS_SCHOOL_CAP: '{schoolType}学生不能评价{target}，可评价范围为{allowed}（最高到{maxLevel}）',
  SPECIAL_ABILITY_NOT_ALLOWED: '{schoolType}学生不能参加专项职业能力考核',
  VALIDATION_FAILED: '数据校验未通过，请检查后重试',
  IMPORT_ROWS_INVALID: '导入文件中有数据不正确，请按提示修改后重新导入',
  IMPORT_EMPTY: '导入文件中没有数据',
  UNSUPPORTED_FORMAT: '不支持的文件格式',
  NOT_FOUND: '未找到相关记录',
  CONFLICT: '数据已存在或已被他人修改，请刷新后重试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '无权执行此操作',
  INTERNAL: '系统内部错误，请稍后重试',
  SERVICE_UNAVAILABLE: '{service}暂时不可用，请稍后重试',
  BAD_USER_INPUT: '输入内容不正确，请检查后重试',
  INVALID_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_LOCKED: '密码错误次数过多，账号已锁定，请 {minutes} 分钟后再试',
  ACCOUNT_DISABLED: '账号已停用，请联系管理员',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  INVALID_TOKEN: '登录凭证无效，请重新登录',
  OCCUPATION_NOT_SKILL_TYPE: '{name}（{code}）不是技能类职业，不能备案职业技能等级评价',
  LEVEL_NOT_IN_STANDARD: '{name}的国家职业标准未设置{level}',
  LEVEL_NEEDS_EXPANSION:
    '{level}及以上等级须在备案期内管理规范、无违规记录并达到评价数量后，通过增设申请备案',
  SCOPE_KIND_MISMATCH: '{agencyKind}不能备案{what}',
  SCOPE_EMPTY: '请至少选择一个职业（工种）或专项职业能力考核项目',
  EXPANSION_BLOCKED_OPEN_VIOLATION: '该机构有尚未整改完毕的违规记录，不能申请增设职业或等级',
  EXPANSION_BLOCKED_VIOLATION_RECORD: '该机构在本备案期内有违规记录，不能申请增设职业或等级',
  EXPANSION_VOLUME_NOT_MET: '该机构本备案期内评价人数为 {volume}，未达到增设所需的 {required} 人',
  AGENCY_NOT_FILED: '该机构尚未备案或已暂停、注销，不能办理此事项',
  FILING_WRONG_STATE: '该备案申请当前状态为“{status}”，不能{action}',
  FILING_ALREADY_OPEN: '该机构已有一份正在办理的备案申请',
  SCOPE_NOT_CHANGEABLE: '只有补正后重新提交备案或增设申请时才能修改申请范围',
  REASON_REQUIRED: '请填写理由',
  EVALUATION_COUNT_UNAVAILABLE:
    '暂时无法从评价服务读取该机构本备案期内的评价数量，评价数量核验前不能受理增设，请稍后重试',
  EXPANSION_POLICY_UNSET: '{city}尚未设定增设所需的评价数量，暂不能受理增设申请，请联系{city}人社局',
  THIRD_PARTY_NEEDS_STUDENT_SERVICE:
    '第三方社会培训评价组织须“在确保满足本校在校生职业技能评价的前提下”备案：本校尚无已备案的职业技能等级评价机构，须填写对本校在校生评价已有保障的核实意见后方可准予备案',
  TOO_MANY_REQUESTS: '提交过于频繁，请{minutes}分钟后再试',
  PLAN_OUTSIDE_AGENCY_SCOPE: '{agency}的备案范围不含{target}，不能{action}',
  PLAN_AGENCY_KIND_MISMATCH: '{agencyKind}不能组织{what}',
  PLAN_OUTSIDE_FILING_PERIOD: '{agency}的备案有效期至 {until}，不能在 {date} {action}',
  PLAN_NOT_OPEN: '该评价计划{reason}，不能报名',
  PLAN_FULL: '该评价计划名额（{capacity}人）已满',
  PLAN_WRONG_STATE: '该评价计划当前状态为“{status}”，不能{action}',
  NOT_ELIGIBLE: '不符合报名条件（{rule}）：{detail}',
  CANDIDATE_OTHER_COLLEGE: '该考生是其他院校的在校生，不能由本院校登记或报名',
  ASSESSOR_CONFLICT: '考评员{assessor}与考生{candidate}存在{relation}关系，应当回避',
  STAFFING_INSUFFICIENT: '{session}考评人员不足：{detail}',
  OUTSOURCED_SESSION: '考场须由评价机构自有人员和场地组织实施，不得转包、外包（{session}）',
  SUBSTITUTION_NOT_ALLOWED: '该评价计划未允许以结课综合考试成绩替代理论考试成绩',
  SUBSTITUTION_NEEDS_OWN_MAJOR: '理论成绩只能以考生本专业（科目）的结课综合考试成绩替代：{detail}',
  SCORE_OUT_OF_RANGE: '{field}应为 0 至 100 之间的分数',
  PUBLICATION_NOT_ENDED: '公示期至 {until} 结束，公示期满后才能确认最终结果',
  OBJECTION_PERIOD_OVER: '公示期已结束，不能再提出异议',
  OBJECTION_PENDING: '该考生的成绩有尚未处理的异议，处理后才能确认结果',
  RATE_LIMITED: '查询过于频繁，请 {seconds} 秒后再试',
  RESULT_NOT_ISSUABLE: '不能据此结果颁发证书：{reason}',
  ISSUER_NOT_ALLOWED: '{kind}由{issuer}颁发（谁评价、谁发证、谁负责），当前用户不能颁发',
  CERTIFICATE_REVOKED: '证书 {number} 已于 {date} 撤销',
  REVOCATION_WRONG_STATE: '该撤销申请当前状态为“{status}”，不能{action}',
};

const ERROR_CODES = new Set<string>(Object.values(ErrorCode));

export function isErrorCode(x: unknown): x is ErrorCode {
  return typeof x === 'string' && ERROR_CODES.has(x);
}

/**
 * The Chinese message for `code` with `{name}` slots filled from `params`.
 * Slots without a value are left as written so a missing param shows up in review instead of vanishing.
 */
export function errorMessage(code: ErrorCode, params: ErrorParams = {}): string {
  return ERROR_MESSAGES[code].replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = params[name];
    return value === undefined ? slot : String(value);
  });
}

/** 领域错误: `message` is the user-facing Chinese text; `code` is what clients switch on. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** Structured extras for clients, e.g. per-row import errors. */
  readonly details?: unknown;

  constructor(code: ErrorCode, params: ErrorParams = {}, details?: unknown) {
    super(errorMessage(code, params));
    this.code = code;
    this.params = params;
    this.details = details;
  }
}

/**
 * True for a DomainError, also one from another copy of this module (test runners and bundlers can load a
 * package twice, which defeats instanceof).
 */
export function isDomainError(x: unknown): x is DomainError {
  return (
    x instanceof DomainError ||
    (x instanceof Error && x.name === 'DomainError' && isErrorCode((x as { code?: unknown }).code))
  );
}

/** 结果类型: validation returns a value or a DomainError instead of throwing. */
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err = { readonly ok: false; readonly error: DomainError };
export type Result<T> = Ok<T> | Err;

export function ok(): Ok<void>;
export function ok<T>(value: T): Ok<T>;
export function ok<T>(value?: T): Ok<T | undefined> {
  return { ok: true, value };
}

export function err(error: DomainError): Err;
export function err(code: ErrorCode, params?: ErrorParams, details?: unknown): Err;
export function err(codeOrError: ErrorCode | DomainError, params?: ErrorParams, details?: unknown): Err {
  const error =
    codeOrError instanceof DomainError ? codeOrError : new DomainError(codeOrError, params, details);
  return { ok: false, error };
}

/** The value, or throw the DomainError — for callers (resolvers) that let errors propagate. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw result.error;
}
