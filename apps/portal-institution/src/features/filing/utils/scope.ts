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

/** One item of a filing's requested scope, as the agencies service stores it. */
export interface RequestedScopeItem {
  occupationCode: string;
  /** OCCUPATION / SPECIAL_ABILITY */
  kind: string;
  levels: readonly string[];
}

/** What the catalogue says about a requested item: its name and the levels its standard sets. */
export interface ScopeItemDetails {
  name: string;
  levels?: readonly string[];
}

/**
 * The scope editor's draft of a requested scope (补正: pre-filled with what was asked for). Without the
 * catalogue's details an item is shown by its code and offers only the levels already chosen.
 */
export function scopeDraft(
  requested: readonly RequestedScopeItem[],
  details: ReadonlyMap<string, ScopeItemDetails> = new Map(),
): ScopeDraftItem[] {
  return requested.map((r) => {
    const found = details.get(r.occupationCode);
    const special = r.kind === 'SPECIAL_ABILITY';
    const available = special ? [] : [...(found?.levels ?? r.levels)];
    for (const l of r.levels) if (!special && !available.includes(l)) available.push(l);
    return {
      code: r.occupationCode,
      name: found?.name ?? r.occupationCode,
      special,
      available,
      levels: special ? [] : [...r.levels],
    };
  });
}

/** A draft every item of which can be submitted (at least one item; each occupation with a level). */
export function scopeComplete(items: readonly ScopeDraftItem[]): boolean {
  return items.length > 0 && items.every((i) => i.special || i.levels.length > 0);
}
