// 职业技能等级 — the five-level ladder used by 职业技能等级认定 and skill-type 职业资格.
import { err, ok } from './errors.js';
import type { Result } from './errors.js';

/** 职业技能等级: 5 = 五级/初级工 (lowest) … 1 = 一级/高级技师 (highest). Smaller number = higher level. */
export type SkillLevel = 5 | 4 | 3 | 2 | 1;

/** GraphQL-style enum value for a level. */
export type SkillLevelCode = 'LEVEL_5' | 'LEVEL_4' | 'LEVEL_3' | 'LEVEL_2' | 'LEVEL_1';

/** 等级信息 */
export interface SkillLevelInfo {
  readonly level: SkillLevel;
  readonly code: SkillLevelCode;
  /** 等级名, e.g. 五级 */
  readonly name: string;
  /** 等级称号, e.g. 初级工 */
  readonly title: string;
}

/** Ordered lowest (五级) to highest (一级), the order candidates progress through. */
export const SKILL_LEVELS: readonly SkillLevelInfo[] = [
  { level: 5, code: 'LEVEL_5', name: '五级', title: '初级工' },
  { level: 4, code: 'LEVEL_4', name: '四级', title: '中级工' },
  { level: 3, code: 'LEVEL_3', name: '三级', title: '高级工' },
  { level: 2, code: 'LEVEL_2', name: '二级', title: '技师' },
  { level: 1, code: 'LEVEL_1', name: '一级', title: '高级技师' },
];

/**
 * 2022 新八级 ladder (人社部《关于健全完善新时代技能人才职业技能等级制度的意见（试行）》) adds 学徒工 below
 * 初级工 and 特级技师, 首席技师 above 高级技师. Those top titles are awarded by enterprises through a separate
 * 评聘 process, not by the 认定 this platform runs, so they are documented here but are NOT SkillLevel values.
 */
export const EXTENDED_SKILL_TITLES: readonly { readonly code: string; readonly title: string }[] = [
  { code: 'SPECIAL_TECHNICIAN', title: '特级技师' },
  { code: 'CHIEF_TECHNICIAN', title: '首席技师' },
];

/** 高技能人才 starts at 三级/高级工 (and includes every higher level). */
export const HIGH_SKILL_THRESHOLD: SkillLevel = 3;

const BY_LEVEL = new Map<SkillLevel, SkillLevelInfo>(SKILL_LEVELS.map((info) => [info.level, info]));

// Every spelling parseSkillLevel accepts, normalised to upper case without spaces.
const ALIASES = new Map<string, SkillLevel>();
for (const info of SKILL_LEVELS) {
  const spellings = [String(info.level), info.code, info.name, info.title, `${info.name}/${info.title}`];
  // 初级/中级/高级 are common shorthand for 初级工/中级工/高级工 (never for 高级技师).
  if (info.title.endsWith('工')) spellings.push(info.title.slice(0, -1));
  for (const s of spellings) ALIASES.set(s.toUpperCase(), info.level);
}

export function isSkillLevel(x: unknown): x is SkillLevel {
  return typeof x === 'number' && BY_LEVEL.has(x as SkillLevel);
}

/** Accepts 5, '5', 'LEVEL_5', '五级', '初级工', '初级' and '五级/初级工' (case and surrounding space ignored). */
export function parseSkillLevel(input: string | number): Result<SkillLevel> {
  if (typeof input === 'number') {
    return isSkillLevel(input) ? ok(input) : err('INVALID_SKILL_LEVEL');
  }
  const key = input.trim().replace(/\s+/g, '').replace(/／/g, '/').toUpperCase();
  const level = ALIASES.get(key);
  return level === undefined ? err('INVALID_SKILL_LEVEL') : ok(level);
}

export function skillLevelInfo(level: SkillLevel): SkillLevelInfo {
  const info = BY_LEVEL.get(level);
  if (!info) throw new RangeError(`not a skill level: ${String(level)}`);
  return info;
}

/** e.g. 4 → '四级/中级工', the form used on certificates and in the notices. */
export function skillLevelLabel(level: SkillLevel): string {
  const { name, title } = skillLevelInfo(level);
  return `${name}/${title}`;
}

/** 高技能人才 = 三级/高级工 and above. */
export function isHighSkill(level: SkillLevel): boolean {
  return level <= HIGH_SKILL_THRESHOLD;
}

/** Sort comparator, lowest level first (五级 … 一级); negative when `a` is lower than `b`. */
export function compareSkillLevels(a: SkillLevel, b: SkillLevel): number {
  return b - a;
}

export function skillLevelCode(level: SkillLevel): SkillLevelCode {
  return skillLevelInfo(level).code;
}

export function skillLevelFromCode(code: SkillLevelCode): SkillLevel;
export function skillLevelFromCode(code: string): SkillLevel | undefined;
export function skillLevelFromCode(code: string): SkillLevel | undefined {
  return SKILL_LEVELS.find((info) => info.code === code)?.level;
}
