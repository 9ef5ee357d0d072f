// 考生类别与报名条件 (申报条件) — DOMAIN.md A.3, A.10, B. The rules are data: the student caps by school type come from
// school-type.ts; social candidates qualify by a prior certificate of the occupation and years of work in it,
// one rule per level, overridable per occupation (each national standard sets its own). The defaults below follow
// the common shape of the national standards and are defaults of practice, not law.
import { err, ok, type Result } from './errors.js';
import { checkStudentScope, type SchoolType } from './school-type.js';
import { skillLevelLabel, type SkillLevel } from './skill-level.js';

/** 考生类别 */
export const CandidateCategory = {
  /** 在校生 */
  STUDENT: 'STUDENT',
  /** 退役军人 */
  VETERAN: 'VETERAN',
  /** 农民工 */
  MIGRANT_WORKER: 'MIGRANT_WORKER',
  /** 乡村振兴人才 */
  RURAL_TALENT: 'RURAL_TALENT',
  /** 校企合作企业职工 */
  PARTNER_EMPLOYEE: 'PARTNER_EMPLOYEE',
  /** 其他社会人员 */
  OTHER_SOCIAL: 'OTHER_SOCIAL',
} as const;
export type CandidateCategory = (typeof CandidateCategory)[keyof typeof CandidateCategory];

export const CANDIDATE_CATEGORY_NAMES: Readonly<Record<CandidateCategory, string>> = {
  STUDENT: '在校生',
  VETERAN: '退役军人',
  MIGRANT_WORKER: '农民工',
  RURAL_TALENT: '乡村振兴人才',
  PARTNER_EMPLOYEE: '校企合作企业职工',
  OTHER_SOCIAL: '其他社会人员',
};

/** Social candidates are evaluated by a third-party organisation or an agency's social service (A.10). */
export const isSocialCategory = (c: CandidateCategory) => c !== 'STUDENT';

/** What is assessed: a level of an occupation, or a 专项 project. */
export type AssessmentTarget = SkillLevel | 'SPECIAL_ABILITY';

/** One way to qualify: a certificate of this occupation at `priorLevel` (or higher), then `years` of work in it. */
export interface QualifyingPath {
  priorLevel?: SkillLevel;
  years: number;
}

/** 申报条件 for one level: any one path qualifies. */
export interface LevelRule {
  level: SkillLevel;
  paths: readonly QualifyingPath[];
}

export interface EligibilityRules {
  /** every occupation without its own rules */
  defaults: readonly LevelRule[];
  /** per occupation code, from its national standard */
  byOccupation: Readonly<Record<string, readonly LevelRule[]>>;
}

export const DEFAULT_ELIGIBILITY_RULES: EligibilityRules = {
  defaults: [
    { level: 5, paths: [{ years: 1 }] },
    { level: 4, paths: [{ priorLevel: 5, years: 4 }, { years: 6 }] },
    { level: 3, paths: [{ priorLevel: 4, years: 5 }] },
    { level: 2, paths: [{ priorLevel: 3, years: 4 }] },
    { level: 1, paths: [{ priorLevel: 2, years: 3 }] },
  ],
  byOccupation: {},
};

/** The facts about a candidate that the rules read. */
export interface CandidateFacts {
  category: CandidateCategory;
  /** 在校生: the school type of their college */
  schoolType?: SchoolType | null;
  /** levels of certificates already held in this occupation */
  priorLevels: readonly SkillLevel[];
  /** 累计从事本职业工作年限 */
  workYears?: number | null;
}

/** '取得本职业五级/初级工证书后，累计从事本职业工作4年（含）以上' */
export function describePath(p: QualifyingPath): string {
  const prior = p.priorLevel ? `取得本职业${skillLevelLabel(p.priorLevel)}证书` : '';
  const work = p.years > 0 ? `累计从事本职业工作${p.years}年（含）以上` : '';
  return prior && work ? `${prior}后，${work}` : prior || work || '无';
}

export function levelRuleOf(rules: EligibilityRules, occupationCode: string, level: SkillLevel) {
  return (rules.byOccupation[occupationCode] ?? rules.defaults).find((r) => r.level === level);
}

/**
 * May this candidate register for this target? Students: the school-type cap (LEVEL_EXCEEDS_SCHOOL_CAP /
 * SPECIAL_ABILITY_NOT_ALLOWED, which name the cap). Social candidates: one qualifying path of the level's rule
 * (NOT_ELIGIBLE naming the rule and every path). 专项 has no prior condition for social candidates.
 */
export function checkEligibility(
  facts: CandidateFacts,
  occupationCode: string,
  target: AssessmentTarget,
  rules: EligibilityRules = DEFAULT_ELIGIBILITY_RULES,
): Result<void> {
  if (facts.category === 'STUDENT') {
    if (!facts.schoolType)
      return err('NOT_ELIGIBLE', { rule: '在校生报名', detail: '在校生须登记所在院校及院校类型' });
    return checkStudentScope(facts.schoolType, target);
  }
  if (target === 'SPECIAL_ABILITY') return ok();
  const rule = levelRuleOf(rules, occupationCode, target);
  const label = skillLevelLabel(target);
  if (!rule || rule.paths.length === 0)
    return err('NOT_ELIGIBLE', { rule: `${label}申报条件`, detail: '该职业未设置此等级的申报条件' });
  const years = facts.workYears ?? 0;
  const holds = (level: SkillLevel) => facts.priorLevels.some((l) => l <= level);
  const met = rule.paths.some((p) => (p.priorLevel === undefined || holds(p.priorLevel)) && years >= p.years);
  if (met) return ok();
  return err('NOT_ELIGIBLE', {
    rule: `社会考生申报${label}`,
    detail: `须${rule.paths.map(describePath).join('；或')}`,
  });
}
