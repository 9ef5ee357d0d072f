// What the supervision page shows of a plan's figures and an inspection's violation, in words a bureau reads.
import type { InspectionViolationType, ViolationDelivery, ViolationSeverity } from '@skills/graphql-client';

export const INSPECTION_VIOLATION_LABELS = {
  OUTSOURCING: '转包、委托第三方组织评价',
  ASSESSMENT_IRREGULARITY: '考核评价不规范',
  RECORDS: '工作台账、档案不规范',
  OTHER: '其他',
} satisfies Record<InspectionViolationType, string>;

export const SEVERITY_LABELS = {
  MINOR: '一般',
  SERIOUS: '较重',
  GRAVE: '严重',
} satisfies Record<ViolationSeverity, string>;

export const DELIVERY_TAGS = {
  NONE: { label: '未认定违规', colour: 'default' },
  PENDING: { label: '待记入违规记录', colour: 'orange' },
  DELIVERED: { label: '已记入违规记录', colour: 'red' },
} satisfies Record<ViolationDelivery, { label: string; colour: string }>;

/** 合格率 as the table shows it: "2/3（66.7%）", or "—" before any result is final */
export function passRateText(s: { finalized: number; passed: number } | null | undefined): string {
  if (!s || s.finalized === 0) return '—';
  return `${s.passed}/${s.finalized}（${((s.passed / s.finalized) * 100).toFixed(1)}%）`;
}

/** Whether this account may find violations (HR bureaus, quality supervisors); education bureaus record findings. */
export const mayFindViolations = (roles: readonly { role: string }[]) =>
  roles.some((r) => ['PROVINCE_HR', 'CITY_HR', 'COUNTY_HR', 'SUPERVISOR'].includes(r.role));

export interface InspectionForm {
  findings: string;
  actualOperator?: string;
  violationType?: InspectionViolationType | 'NONE';
  severity?: ViolationSeverity;
  deadline?: { toISOString(): string };
}

/**
 * The mutation's variables from the form: another actual operator is always 转包、外包 (the server says the same);
 * without a violation, no severity or deadline is sent.
 */
export function inspectionVariables(planId: string, f: InspectionForm, requestKey: string) {
  const actualOperator = f.actualOperator?.trim() || null;
  const type = actualOperator
    ? 'OUTSOURCING'
    : f.violationType && f.violationType !== 'NONE'
      ? f.violationType
      : null;
  return {
    planId,
    findings: f.findings.trim(),
    actualOperator,
    violationType: type,
    severity: type ? (f.severity ?? null) : null,
    deadline: type && f.deadline ? f.deadline.toISOString() : null,
    requestKey,
  };
}
