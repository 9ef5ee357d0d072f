// 成绩、考务与公示 — DOMAIN.md A.5, B: theory + practical on 100 points each, pass marks per plan (default 60/60),
// 缺考/违纪 fail the part; staffing of sessions (ratios are defaults of practice, configurable per plan, never
// presented as law); 公示 for a number of working days (default 5).
import { err, ok, type Result } from './errors.js';
import { chinaDate } from './id-number.js';

/** 考试情况 */
export type ScoreMark = 'PRESENT' | 'ABSENT' | 'CHEATING';
export const SCORE_MARK_NAMES: Readonly<Record<ScoreMark, string>> = {
  PRESENT: '正常',
  ABSENT: '缺考',
  CHEATING: '违纪（作弊）',
};

export interface PassRule {
  theory: number;
  practical: number;
}
export const DEFAULT_PASS_RULE: PassRule = { theory: 60, practical: 60 };

export interface Scores {
  theory: number | null;
  theoryMark: ScoreMark;
  practical: number | null;
  practicalMark: ScoreMark;
}

/** Passed: both parts sat (no absence or cheating) and at or above their pass marks. */
export function hasPassed(s: Scores, rule: PassRule = DEFAULT_PASS_RULE): boolean {
  const part = (v: number | null, mark: ScoreMark, min: number) =>
    mark === 'PRESENT' && v !== null && v >= min;
  return part(s.theory, s.theoryMark, rule.theory) && part(s.practical, s.practicalMark, rule.practical);
}

/** A score as entered: 0..100, at most one decimal. */
export function checkScoreValue(value: number, field: string): Result<number> {
  if (!Number.isFinite(value) || value < 0 || value > 100 || Math.round(value * 10) !== value * 10)
    return err('SCORE_OUT_OF_RANGE', { field });
  return ok(value);
}

export interface StaffingRule {
  /** candidates per practical assessor */
  candidatesPerAssessor: number;
  /** fewest assessors at a practical station (odd) */
  minAssessorsPerStation: number;
  /** fewest invigilators in a theory room */
  minInvigilators: number;
}
export const DEFAULT_STAFFING_RULE: StaffingRule = {
  candidatesPerAssessor: 5,
  minAssessorsPerStation: 3,
  minInvigilators: 2,
};

/** The assessors a session needs for this many candidates. */
export function assessorsNeeded(
  kind: 'THEORY' | 'PRACTICAL',
  candidates: number,
  rule: StaffingRule,
): number {
  if (kind === 'THEORY') return rule.minInvigilators;
  const n = Math.max(
    rule.minAssessorsPerStation,
    Math.ceil(candidates / Math.max(1, rule.candidatesPerAssessor)),
  );
  return n % 2 === 1 ? n : n + 1;
}

export function checkStaffing(
  session: { name: string; kind: 'THEORY' | 'PRACTICAL' },
  assessors: number,
  candidates: number,
  rule: StaffingRule = DEFAULT_STAFFING_RULE,
): Result<void> {
  const needed = assessorsNeeded(session.kind, candidates, rule);
  if (assessors >= needed && (session.kind === 'THEORY' || assessors % 2 === 1)) return ok();
  const detail =
    session.kind === 'THEORY'
      ? `理论考场监考人员不少于 ${needed} 名，现有 ${assessors} 名`
      : `实操考评员应为不少于 ${needed} 名的单数（${candidates} 名考生，每 ${rule.candidatesPerAssessor} 名考生 1 名考评员），现有 ${assessors} 名`;
  return err('STAFFING_INSUFFICIENT', { session: session.name, detail });
}

/** 回避关系 */
export type ConflictRelation = 'TEACHER_OF' | 'RELATIVE_OF';
export const CONFLICT_RELATION_NAMES: Readonly<Record<ConflictRelation, string>> = {
  TEACHER_OF: '任课教师',
  RELATIVE_OF: '亲属',
};

/** The days of the week that are not working days (China time): Saturday, Sunday. */
const WEEKEND = new Set([0, 6]);

/**
 * When a 公示 that starts at `from` ends: at the end (24:00 China time) of the `days`-th working day after the day
 * it starts. `holidays` are dates (YYYY-MM-DD) that are not working days; `workdays` are weekend dates that are
 * (调休). Returned as the instant 24:00 China time of that day.
 */
export function publicationEnd(
  from: Date,
  days = 5,
  holidays: ReadonlySet<string> = new Set(),
  workdays: ReadonlySet<string> = new Set(),
): Date {
  if (days <= 0) return from;
  let day = new Date(`${chinaDate(from)}T00:00:00+08:00`);
  let counted = 0;
  while (counted < days) {
    day = new Date(day.getTime() + 86_400_000);
    const ymd = chinaDate(day);
    const weekday = new Date(`${ymd}T12:00:00Z`).getUTCDay();
    const working = workdays.has(ymd) || (!WEEKEND.has(weekday) && !holidays.has(ymd));
    if (working) counted++;
  }
  return new Date(day.getTime() + 86_400_000);
}
