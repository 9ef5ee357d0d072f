import { skillLevelFromCode, skillLevelLabel } from '@skills/domain';

/** `LEVEL_4` → `四级/中级工`; an unknown code is shown as is. */
export function skillLevelText(code: string): string {
  const level = skillLevelFromCode(code);
  return level === undefined ? code : skillLevelLabel(level);
}

/** A scope item as the API gives it: a code, its levels, and the catalogue's name for it when resolved. */
export interface ScopeItemLike {
  occupationCode: string;
  levels: readonly string[];
  occupation?: { name: string } | null;
  specialAbilityProject?: { name: string } | null;
}

/**
 * `电工（6-31-01-03）：四级/中级工、三级/高级工`, or `… （FJZX-0001）：专项职业能力` — names first, the code for
 * whoever checks it against the catalogue; a code the catalogue does not know says so.
 */
export function scopeItemText(s: ScopeItemLike): string {
  const name = s.occupation?.name ?? s.specialAbilityProject?.name ?? '目录中未找到';
  const levels = s.levels.length ? s.levels.map(skillLevelText).join('、') : '专项职业能力';
  return `${name}（${s.occupationCode}）：${levels}`;
}
