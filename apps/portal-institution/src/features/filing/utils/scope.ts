// 备案范围的本地预览：与服务端同一条规则（@skills/domain 的 checkAgencyLevel，ADR 0012），最终以服务端校验为准。
// 院校类型的等级上限管本校在校生；首次备案在此范围内，增设可为社会考生增加任何等级（含二级/技师、一级/高级技师）。
import {
  agencyLevelScope,
  checkAgencyLevel,
  skillLevelFromCode,
  skillLevelLabel,
  studentScopeCap,
  type AgencyKind,
  type SchoolType,
  type SkillLevel,
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

/** What the request is: the agency's kind, and whether it is an expansion (增设) of a filed agency. */
export interface ScopeRequestKind {
  agencyKind: AgencyKind;
  expansion: boolean;
}

const levelsText = (levels: readonly SkillLevel[]) => levels.map(skillLevelLabel).join('、');

/** e.g. 学生可评价：专项职业能力、四级/中级工、三级/高级工 */
export function capDescription(schoolType: SchoolType): string {
  const cap = studentScopeCap(schoolType);
  const parts = cap.levels.map(skillLevelLabel);
  if (cap.specialAbility) parts.unshift('专项职业能力');
  return parts.join('、');
}

/** The preview's two lines: what the college's students may be assessed at, and what expansion opens. */
export function scopeSummary(schoolType: SchoolType, request: ScopeRequestKind) {
  const scope = agencyLevelScope(schoolType, request.agencyKind, request.expansion);
  return {
    /** 本校在校生可评 */
    students: capDescription(schoolType),
    /** 本次可申请的等级 */
    requestable: levelsText(scope.requestable),
    /** 经增设可面向社会评价的等级 */
    byExpansion: levelsText(scope.byExpansion),
  };
}

/** The domain's Chinese refusal for every chosen level this request may not ask for. */
export function capProblems(
  schoolType: SchoolType,
  items: readonly ScopeDraftItem[],
  request: ScopeRequestKind = { agencyKind: 'SKILL_LEVEL_AGENCY', expansion: false },
): string[] {
  const problems: string[] = [];
  for (const item of items) {
    if (item.special) continue;
    for (const code of item.levels) {
      const level = skillLevelFromCode(code);
      if (level === undefined) continue;
      const result = checkAgencyLevel(schoolType, request.agencyKind, level, request.expansion);
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
