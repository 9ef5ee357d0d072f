import { skillLevelFromCode, skillLevelLabel } from '@skills/domain';

/** `LEVEL_4` → `四级/中级工`; an unknown code is shown as is. */
export function skillLevelText(code: string): string {
  const level = skillLevelFromCode(code);
  return level === undefined ? code : skillLevelLabel(level);
}
