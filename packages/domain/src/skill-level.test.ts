import { describe, it, expect } from 'vitest';
import {
  EXTENDED_SKILL_TITLES,
  SKILL_LEVELS,
  compareSkillLevels,
  isHighSkill,
  isSkillLevel,
  parseSkillLevel,
  skillLevelCode,
  skillLevelFromCode,
  skillLevelLabel,
} from './skill-level.js';
import type { SkillLevel } from './skill-level.js';

const parsed = (input: string | number): SkillLevel | string => {
  const r = parseSkillLevel(input);
  return r.ok ? r.value : r.error.code;
};

describe('SKILL_LEVELS', () => {
  it('runs 五级 → 一级 with the standard titles', () => {
    expect(SKILL_LEVELS.map((l) => l.level)).toEqual([5, 4, 3, 2, 1]);
    expect(SKILL_LEVELS.map((l) => l.code)).toEqual(['LEVEL_5', 'LEVEL_4', 'LEVEL_3', 'LEVEL_2', 'LEVEL_1']);
    expect(SKILL_LEVELS.map((l) => l.title)).toEqual(['初级工', '中级工', '高级工', '技师', '高级技师']);
  });

  it('keeps the extended titles out of SkillLevel', () => {
    expect(EXTENDED_SKILL_TITLES.map((t) => t.title)).toEqual(['特级技师', '首席技师']);
    expect(parsed('特级技师')).toBe('INVALID_SKILL_LEVEL');
  });
});

describe('isSkillLevel', () => {
  it.each([1, 2, 3, 4, 5])('accepts %s', (n) => expect(isSkillLevel(n)).toBe(true));
  it.each([0, 6, 2.5, -1, '3', null, undefined])('rejects %s', (x) => expect(isSkillLevel(x)).toBe(false));
});

describe('parseSkillLevel', () => {
  it.each([
    [5, 5],
    ['5', 5],
    ['LEVEL_5', 5],
    ['level_4', 4],
    ['五级', 5],
    ['初级工', 5],
    ['初级', 5],
    ['中级', 4],
    ['高级', 3],
    ['技师', 2],
    ['高级技师', 1],
    ['一级', 1],
    [' 三级 ', 3],
    ['四级/中级工', 4],
  ] as const)('parses %j as %s', (input, level) => expect(parsed(input)).toBe(level));

  it.each([0, 6, 3.5, '', '6', 'LEVEL_6', '六级', '高级技', 'abc'])('rejects %j', (input) =>
    expect(parsed(input)).toBe('INVALID_SKILL_LEVEL'),
  );
});

describe('labels and codes', () => {
  it('labels levels', () => {
    expect(skillLevelLabel(4)).toBe('四级/中级工');
    expect(skillLevelLabel(1)).toBe('一级/高级技师');
  });

  it('round-trips GraphQL codes', () => {
    for (const { level } of SKILL_LEVELS) expect(skillLevelFromCode(skillLevelCode(level))).toBe(level);
    expect(skillLevelCode(3)).toBe('LEVEL_3');
    expect(skillLevelFromCode('LEVEL_9')).toBeUndefined();
  });

  it('marks 三级 and above as 高技能', () => {
    expect([5, 4, 3, 2, 1].map((l) => isHighSkill(l as SkillLevel))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('sorts lowest level first', () => {
    const levels: SkillLevel[] = [1, 3, 5, 2, 4];
    expect(levels.sort(compareSkillLevels)).toEqual([5, 4, 3, 2, 1]);
    expect(compareSkillLevels(5, 3)).toBeLessThan(0);
  });
});
