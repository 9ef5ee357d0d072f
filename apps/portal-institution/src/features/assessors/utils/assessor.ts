// 考评员登记表单 → registerAssessor 的变量，以及列表的显示文字。身份证号等的校验以服务端为准（其中文错误原样显示）。
import { SKILL_LEVELS, skillLevelLabel } from '@skills/domain';
import type { ConflictType, SkillLevel } from '@skills/graphql-client';
import { skillLevelText } from '@skills/ui-kit';

export const CONFLICT_TYPE_LABELS: Readonly<Record<ConflictType, string>> = {
  TEACHER_OF: '任课教师',
  RELATIVE_OF: '亲属',
};

export const CONFLICT_TYPES = Object.keys(CONFLICT_TYPE_LABELS) as ConflictType[];

/** 等级选项，五级/初级工 … 一级/高级技师 */
export const SKILL_LEVEL_OPTIONS: { value: SkillLevel; label: string }[] = SKILL_LEVELS.map((l) => ({
  value: l.code,
  label: skillLevelLabel(l.level),
}));

export interface AssessorDraft {
  name?: string;
  idNumber?: string;
  phone?: string;
  qualifications?: ({ occupationCode?: string; level?: SkillLevel } | undefined)[];
  conflicts?: ({ type?: ConflictType; personName?: string; personIdNumber?: string } | undefined)[];
}

export interface AssessorVariables {
  name: string;
  idNumber: string;
  phone: string | null;
  qualifications: { occupationCode: string; level: SkillLevel }[];
  conflicts: { type: ConflictType; personName: string; personIdNumber: string | null }[];
}

/**
 * Trims the fields, upper-cases the check character X, drops blank and repeated qualification rows and blank
 * conflict rows. Incomplete rows are left for the form's required rules; they are dropped here.
 */
export function assessorVariables(draft: AssessorDraft): AssessorVariables {
  const seen = new Set<string>();
  const qualifications: AssessorVariables['qualifications'] = [];
  for (const q of draft.qualifications ?? []) {
    const occupationCode = q?.occupationCode?.trim() ?? '';
    if (!occupationCode || !q?.level) continue;
    const key = `${occupationCode}|${q.level}`;
    if (seen.has(key)) continue;
    seen.add(key);
    qualifications.push({ occupationCode, level: q.level });
  }
  const conflicts: AssessorVariables['conflicts'] = [];
  for (const c of draft.conflicts ?? []) {
    const personName = c?.personName?.trim() ?? '';
    if (!personName || !c?.type) continue;
    conflicts.push({
      type: c.type,
      personName,
      personIdNumber: c.personIdNumber?.trim().toUpperCase() || null,
    });
  }
  return {
    name: draft.name?.trim() ?? '',
    idNumber: draft.idNumber?.trim().toUpperCase() ?? '',
    phone: draft.phone?.trim() || null,
    qualifications,
    conflicts,
  };
}

/** e.g. `6-31-01-03 三级/高级工` */
export function qualificationText(q: { occupationCode: string; level: string }): string {
  return `${q.occupationCode} ${skillLevelText(q.level)}`;
}

/** e.g. `任课教师：王小明`, with the (masked) ID number when there is one */
export function conflictText(c: {
  type: string;
  personName: string;
  personIdNumber?: string | null;
}): string {
  const label = CONFLICT_TYPE_LABELS[c.type as ConflictType] ?? c.type;
  return `${label}：${c.personName}${c.personIdNumber ? `（${c.personIdNumber}）` : ''}`;
}
