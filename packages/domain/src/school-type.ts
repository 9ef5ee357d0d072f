// 院校类型与学生评价等级上限 — DOMAIN.md A.3. The single source for the cap, used by services and portals.
import { err, ok } from './errors.js';
import type { Result } from './errors.js';
import { SKILL_LEVELS, skillLevelLabel } from './skill-level.js';
import type { SkillLevel } from './skill-level.js';

/** 院校类型 */
export const SchoolType = {
  SECONDARY_VOCATIONAL: 'SECONDARY_VOCATIONAL',
  TECHNICAL_SCHOOL: 'TECHNICAL_SCHOOL',
  HIGHER_VOCATIONAL: 'HIGHER_VOCATIONAL',
  JUNIOR_COLLEGE: 'JUNIOR_COLLEGE',
  VOCATIONAL_UNDERGRADUATE: 'VOCATIONAL_UNDERGRADUATE',
  UNDERGRADUATE: 'UNDERGRADUATE',
} as const;

export type SchoolType = (typeof SchoolType)[keyof typeof SchoolType];

/** 院校类型信息 */
export interface SchoolTypeInfo {
  readonly type: SchoolType;
  /** 简称, used in messages: 中职学生… */
  readonly name: string;
  readonly fullName: string;
}

export const SCHOOL_TYPES: readonly SchoolTypeInfo[] = [
  { type: 'SECONDARY_VOCATIONAL', name: '中职', fullName: '中等职业学校' },
  { type: 'TECHNICAL_SCHOOL', name: '技工院校', fullName: '技工院校' },
  { type: 'HIGHER_VOCATIONAL', name: '高职', fullName: '高等职业学校' },
  { type: 'JUNIOR_COLLEGE', name: '高专', fullName: '高等专科学校' },
  { type: 'VOCATIONAL_UNDERGRADUATE', name: '职业本科', fullName: '职业本科学校' },
  { type: 'UNDERGRADUATE', name: '普通本科', fullName: '普通本科高校' },
];

const BY_TYPE = new Map<string, SchoolTypeInfo>(SCHOOL_TYPES.map((info) => [info.type, info]));

export function isSchoolType(x: unknown): x is SchoolType {
  return typeof x === 'string' && BY_TYPE.has(x);
}

export function schoolTypeName(type: SchoolType): string {
  const info = BY_TYPE.get(type);
  if (!info) throw new RangeError(`not a school type: ${String(type)}`);
  return info.name;
}

/** 职业院校: every type but 普通本科. These are the colleges the 2025 filing-coverage KPI counts (A.2). */
export function isVocationalCollege(type: SchoolType): boolean {
  return type !== 'UNDERGRADUATE';
}

/** Absolute ceiling for in-school students: 三级/高级工 (A.3). No school type may exceed it. */
export const STUDENT_LEVEL_CEILING: SkillLevel = 3;

/** 在校生可评价范围 */
export interface StudentScopeCap {
  /** Allowed levels, lowest first. */
  readonly levels: readonly SkillLevel[];
  /** Whether 专项职业能力考核 is allowed. */
  readonly specialAbility: boolean;
  /** Highest allowed level. */
  readonly maxLevel: SkillLevel;
}

const SECONDARY_CAP: StudentScopeCap = { levels: [5, 4], specialAbility: true, maxLevel: 4 };
const HIGHER_CAP: StudentScopeCap = { levels: [4, 3], specialAbility: true, maxLevel: 3 };

const CAPS: Readonly<Record<SchoolType, StudentScopeCap>> = {
  SECONDARY_VOCATIONAL: SECONDARY_CAP,
  // The notices do not name 技工院校. Most technical-school students study at 中级工 level, so they get the
  // 中职 cap by default; a 技师学院 running 高级工班 may argue for the 高职 cap — decide per policy, not here.
  TECHNICAL_SCHOOL: SECONDARY_CAP,
  HIGHER_VOCATIONAL: HIGHER_CAP,
  JUNIOR_COLLEGE: HIGHER_CAP,
  VOCATIONAL_UNDERGRADUATE: HIGHER_CAP,
  // Undergraduate universities may file (A.2) but the notices set no cap for them; default to the 高职 cap,
  // which also respects the 三级 ceiling.
  UNDERGRADUATE: HIGHER_CAP,
};

/** What an in-school student of this school type may be evaluated at. */
export function studentScopeCap(schoolType: SchoolType): StudentScopeCap {
  return CAPS[schoolType];
}

/** Allowed skill levels for students of this school type, lowest first. */
export function allowedStudentLevels(schoolType: SchoolType): readonly SkillLevel[] {
  return CAPS[schoolType].levels;
}

/** e.g. '专项职业能力、五级/初级工、四级/中级工' — for messages. */
function describeScope(cap: StudentScopeCap): string {
  const parts = cap.levels.map(skillLevelLabel);
  if (cap.specialAbility) parts.unshift('专项职业能力');
  return parts.join('、');
}

/**
 * Checks a student's target against the cap for the school type.
 * Fails with LEVEL_EXCEEDS_SCHOOL_CAP (params: schoolType, target, allowed, maxLevel) for a level outside
 * the cap — too high or too low — and SPECIAL_ABILITY_NOT_ALLOWED when 专项 is not in scope.
 */
export function checkStudentScope(
  schoolType: SchoolType,
  target: SkillLevel | 'SPECIAL_ABILITY',
): Result<void> {
  const cap = CAPS[schoolType];
  const schoolName = schoolTypeName(schoolType);
  if (target === 'SPECIAL_ABILITY') {
    return cap.specialAbility ? ok() : err('SPECIAL_ABILITY_NOT_ALLOWED', { schoolType: schoolName });
  }
  const known = SKILL_LEVELS.some((info) => info.level === target);
  if (known && target >= STUDENT_LEVEL_CEILING && cap.levels.includes(target)) return ok();
  return err('LEVEL_EXCEEDS_SCHOOL_CAP', {
    schoolType: schoolName,
    target: known ? skillLevelLabel(target) : String(target),
    allowed: describeScope(cap),
    maxLevel: skillLevelLabel(cap.maxLevel),
  });
}
