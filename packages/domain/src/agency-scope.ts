// 机构可备案等级 — which levels an agency may hold, by school type, agency kind and whether the request is an
// expansion (增设). ADR 0012: the school-type caps (A.3) govern what an agency assesses for the college's own
// students (the assessment subgraph enforces them at registration: 在校生 never above 三级); a first filing stays
// within them, and an approved 增设 widens the agency's scope for social candidates to any level, 二级/一级
// included. Used by the agencies subgraph (the rule) and portal-institution (the preview), so both say the same.
import type { AgencyKind } from './certificate-kind.js';
import { err, ok, type Result } from './errors.js';
import { schoolTypeName, studentScopeCap, type SchoolType } from './school-type.js';
import { SKILL_LEVELS, skillLevelLabel, type SkillLevel } from './skill-level.js';

/** Levels from 二级 (技师) up are only ever obtained by expansion (「技师(含技师)以上的高级别评价资质」). */
export const EXPANSION_ONLY_FROM: SkillLevel = 2;

const ALL_LEVELS: readonly SkillLevel[] = SKILL_LEVELS.map((l) => l.level).sort((a, b) => b - a);

/** 机构等级范围 */
export interface AgencyLevelScope {
  /** levels the agency may assess the college's own students at (在校生), lowest first */
  readonly forStudents: readonly SkillLevel[];
  /** levels this request may ask for, lowest first */
  readonly requestable: readonly SkillLevel[];
  /** levels open only by expansion, for social candidates (社会考生、校企合作企业职工) */
  readonly byExpansion: readonly SkillLevel[];
}

/**
 * The levels a request may ask for. A 职业技能等级评价机构's first filing: its school type's student range. A
 * 第三方社会培训评价组织 serves social candidates: 五级–三级 at first. An expansion: any level (五级–一级). A
 * 考核鉴定机构 files 专项 projects, which have no level.
 */
export function agencyLevelScope(
  schoolType: SchoolType,
  agencyKind: AgencyKind,
  expansion: boolean,
): AgencyLevelScope {
  if (agencyKind === 'APPRAISAL_AGENCY') return { forStudents: [], requestable: [], byExpansion: [] };
  const forStudents = agencyKind === 'SKILL_LEVEL_AGENCY' ? studentScopeCap(schoolType).levels : [];
  const first =
    agencyKind === 'SKILL_LEVEL_AGENCY' ? forStudents : ALL_LEVELS.filter((l) => l > EXPANSION_ONLY_FROM);
  return {
    forStudents,
    requestable: expansion ? ALL_LEVELS : first,
    byExpansion: ALL_LEVELS.filter((l) => !first.includes(l)),
  };
}

/**
 * May this request ask for this level? Refusals: LEVEL_NEEDS_EXPANSION for 二级 and up outside an expansion,
 * LEVEL_EXCEEDS_SCHOOL_CAP for a first filing outside the student range (a 中职's 三级, a 高职's 五级), which the
 * college may ask for later by expansion.
 */
export function checkAgencyLevel(
  schoolType: SchoolType,
  agencyKind: AgencyKind,
  level: SkillLevel,
  expansion: boolean,
): Result<void> {
  const scope = agencyLevelScope(schoolType, agencyKind, expansion);
  if (scope.requestable.includes(level)) return ok();
  if (level <= EXPANSION_ONLY_FROM) return err('LEVEL_NEEDS_EXPANSION', { level: skillLevelLabel(level) });
  const cap = studentScopeCap(schoolType);
  const parts = cap.levels.map(skillLevelLabel);
  if (cap.specialAbility) parts.unshift('专项职业能力');
  return err('LEVEL_EXCEEDS_SCHOOL_CAP', {
    schoolType: schoolTypeName(schoolType),
    target: skillLevelLabel(level),
    allowed: parts.join('、'),
    maxLevel: skillLevelLabel(cap.maxLevel),
  });
}
