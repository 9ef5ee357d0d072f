// 备案范围的本地预览：按院校类型的学生等级上限（@skills/domain）提示，最终以服务端校验为准。
import {
  checkStudentScope,
  skillLevelFromCode,
  studentScopeCap,
  skillLevelLabel,
  type SchoolType,
} from '@skills/domain';

/** 一项拟备案的范围：职业（工种）或专项职业能力考核项目 */
export interface ScopeDraftItem {
  code: string;
  name: string;
  special: boolean;
  /** levels the occupation's national standard sets (LEVEL_5 … LEVEL_1) */
  available: string[];
  /** chosen levels */
  levels: string[];
}

/** e.g. 学生可评价：专项职业能力、四级/中级工、三级/高级工 */
export function capDescription(schoolType: SchoolType): string {
  const cap = studentScopeCap(schoolType);
  const parts = cap.levels.map(skillLevelLabel);
  if (cap.specialAbility) parts.unshift('专项职业能力');
  return parts.join('、');
}

/** The cap messages (from the domain package, in Chinese) for every chosen level outside it. */
export function capProblems(schoolType: SchoolType, items: readonly ScopeDraftItem[]): string[] {
  const problems: string[] = [];
  for (const item of items) {
    const targets = item.special
      ? (['SPECIAL_ABILITY'] as const)
      : item.levels.map((l) => skillLevelFromCode(l));
    for (const target of targets) {
      if (target === undefined) continue;
      const result = checkStudentScope(schoolType, target);
      if (!result.ok) problems.push(`${item.name}：${result.error.message}`);
    }
  }
  return problems;
}

/** The mutation's scope input. */
export function scopeInput(items: readonly ScopeDraftItem[]) {
  return items.map((i) => ({ occupationCode: i.code, levels: i.special ? [] : i.levels })) as {
    occupationCode: string;
    levels: ('LEVEL_1' | 'LEVEL_2' | 'LEVEL_3' | 'LEVEL_4' | 'LEVEL_5')[];
  }[];
}

/** A fresh idempotency key for one submission. */
export function newRequestKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
