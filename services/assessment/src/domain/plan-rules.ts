// 谁可以组织评价: an agency that is FILED on the assessment date, with the occupation × level (or the 专项 project)
// in its scope; 专项 only by a 职业技能考核鉴定机构, levels only by the other kinds. Pure: the agency's facts are
// looked up by the caller (through the graph), when a plan is created and again when its results become final.
import {
  AGENCY_KIND_NAMES,
  chinaDate,
  err,
  ok,
  skillLevelLabel,
  type Result,
  type SkillLevel,
} from '@skills/domain';
import type { AgencyFacts } from '../agencies-client.js';

export interface PlanTarget {
  kind: 'OCCUPATION' | 'SPECIAL_ABILITY';
  occupationCode: string;
  level: SkillLevel | null;
}

export const describeTarget = (t: PlanTarget) =>
  t.kind === 'SPECIAL_ABILITY'
    ? `专项职业能力考核项目 ${t.occupationCode}`
    : `${t.occupationCode} ${skillLevelLabel(t.level!)}`;

export function checkAgencyMayAssess(
  agency: AgencyFacts | null,
  target: PlanTarget,
  on: Date,
  action = '组织评价',
): Result<void> {
  if (!agency || agency.status !== 'FILED') return err('AGENCY_NOT_FILED');
  if ((target.kind === 'SPECIAL_ABILITY') !== (agency.kind === 'APPRAISAL_AGENCY'))
    return err('PLAN_AGENCY_KIND_MISMATCH', {
      agencyKind: AGENCY_KIND_NAMES[agency.kind],
      what: target.kind === 'SPECIAL_ABILITY' ? '专项职业能力考核' : '职业技能等级认定',
    });
  if (agency.validUntil && agency.validUntil <= on)
    return err('PLAN_OUTSIDE_FILING_PERIOD', {
      agency: agency.name,
      until: chinaDate(agency.validUntil),
      date: chinaDate(on),
      action,
    });
  const item = agency.scope.find((s) => s.occupationCode === target.occupationCode && s.kind === target.kind);
  const inScope = !!item && (target.kind === 'SPECIAL_ABILITY' || item.levels.includes(target.level!));
  return inScope
    ? ok()
    : err('PLAN_OUTSIDE_AGENCY_SCOPE', { agency: agency.name, target: describeTarget(target), action });
}
