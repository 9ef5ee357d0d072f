import { describe, it, expect } from 'vitest';
import {
  SCHOOL_TYPES,
  STUDENT_LEVEL_CEILING,
  SchoolType,
  allowedStudentLevels,
  checkStudentScope,
  isSchoolType,
  isVocationalCollege,
  schoolTypeName,
  studentScopeCap,
} from './school-type.js';
import type { SkillLevel } from './skill-level.js';

const check = (type: SchoolType, target: SkillLevel | 'SPECIAL_ABILITY'): string => {
  const r = checkStudentScope(type, target);
  return r.ok ? 'ok' : r.error.code;
};

describe('school types', () => {
  it('names each type', () => {
    expect(SCHOOL_TYPES.map((t) => t.name)).toEqual([
      '中职',
      '技工院校',
      '高职',
      '高专',
      '职业本科',
      '普通本科',
    ]);
    expect(schoolTypeName('VOCATIONAL_UNDERGRADUATE')).toBe('职业本科');
    expect(isSchoolType('JUNIOR_COLLEGE')).toBe(true);
    expect(isSchoolType('PRIMARY')).toBe(false);
  });

  it('counts all but 普通本科 as vocational colleges', () => {
    const vocational = Object.values(SchoolType).filter(isVocationalCollege);
    expect(vocational).toHaveLength(5);
    expect(isVocationalCollege('UNDERGRADUATE')).toBe(false);
    expect(isVocationalCollege('TECHNICAL_SCHOOL')).toBe(true);
  });
});

describe('studentScopeCap', () => {
  it('follows A.3', () => {
    expect(studentScopeCap('SECONDARY_VOCATIONAL')).toEqual({
      levels: [5, 4],
      specialAbility: true,
      maxLevel: 4,
    });
    for (const t of ['HIGHER_VOCATIONAL', 'JUNIOR_COLLEGE', 'VOCATIONAL_UNDERGRADUATE'] as const) {
      expect(studentScopeCap(t)).toEqual({ levels: [4, 3], specialAbility: true, maxLevel: 3 });
    }
  });

  it('applies the documented defaults', () => {
    expect(allowedStudentLevels('TECHNICAL_SCHOOL')).toEqual([5, 4]);
    expect(allowedStudentLevels('UNDERGRADUATE')).toEqual([4, 3]);
  });

  it('never exceeds 三级 and keeps maxLevel consistent', () => {
    for (const t of Object.values(SchoolType)) {
      const cap = studentScopeCap(t);
      expect(Math.min(...cap.levels)).toBe(cap.maxLevel);
      expect(cap.maxLevel).toBeGreaterThanOrEqual(STUDENT_LEVEL_CEILING);
    }
  });
});

describe('checkStudentScope', () => {
  it.each([
    ['SECONDARY_VOCATIONAL', 5],
    ['SECONDARY_VOCATIONAL', 4],
    ['SECONDARY_VOCATIONAL', 'SPECIAL_ABILITY'],
    ['HIGHER_VOCATIONAL', 4],
    ['HIGHER_VOCATIONAL', 3],
    ['HIGHER_VOCATIONAL', 'SPECIAL_ABILITY'],
    ['VOCATIONAL_UNDERGRADUATE', 3],
    ['JUNIOR_COLLEGE', 4],
  ] as const)('allows %s + %s', (type, target) => expect(check(type, target)).toBe('ok'));

  it.each([
    ['SECONDARY_VOCATIONAL', 3],
    ['SECONDARY_VOCATIONAL', 1],
    ['TECHNICAL_SCHOOL', 3],
    ['HIGHER_VOCATIONAL', 5],
    ['HIGHER_VOCATIONAL', 2],
    ['JUNIOR_COLLEGE', 1],
    ['VOCATIONAL_UNDERGRADUATE', 2],
    ['UNDERGRADUATE', 2],
  ] as const)('refuses %s + %s', (type, target) =>
    expect(check(type, target)).toBe('LEVEL_EXCEEDS_SCHOOL_CAP'),
  );

  it('explains the cap in Chinese', () => {
    const r = checkStudentScope('SECONDARY_VOCATIONAL', 3);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.params).toEqual({
      schoolType: '中职',
      target: '三级/高级工',
      allowed: '专项职业能力、五级/初级工、四级/中级工',
      maxLevel: '四级/中级工',
    });
    expect(r.error.message).toBe(
      '中职学生不能评价三级/高级工，可评价范围为专项职业能力、五级/初级工、四级/中级工（最高到四级/中级工）',
    );
  });

  it('rejects a non-level smuggled past the type checker', () => {
    expect(check('HIGHER_VOCATIONAL', 0 as SkillLevel)).toBe('LEVEL_EXCEEDS_SCHOOL_CAP');
  });
});
