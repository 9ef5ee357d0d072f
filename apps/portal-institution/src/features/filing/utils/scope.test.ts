import { describe, expect, it } from 'vitest';
import { capDescription, capProblems, scopeComplete, scopeDraft, scopeInput, scopeSummary } from './scope';

const electrician = (levels: string[]) => ({
  code: '6-31-01-03',
  name: '电工',
  special: false,
  available: ['LEVEL_5', 'LEVEL_4', 'LEVEL_3', 'LEVEL_2', 'LEVEL_1'],
  levels,
});

describe('scope preview', () => {
  it('describes the cap of a school type', () => {
    expect(capDescription('HIGHER_VOCATIONAL')).toBe('专项职业能力、四级/中级工、三级/高级工');
    expect(capDescription('SECONDARY_VOCATIONAL')).toBe('专项职业能力、五级/初级工、四级/中级工');
  });
  it('accepts 四级+三级 for 高职 and flags them for 中职', () => {
    expect(capProblems('HIGHER_VOCATIONAL', [electrician(['LEVEL_4', 'LEVEL_3'])])).toEqual([]);
    const problems = capProblems('SECONDARY_VOCATIONAL', [electrician(['LEVEL_4', 'LEVEL_3'])]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^电工：.*三级/);
  });
  it('says what the server says about expansion (ADR 0012): any level, the students keep their cap', () => {
    const expansion = { agencyKind: 'SKILL_LEVEL_AGENCY' as const, expansion: true };
    expect(
      capProblems('SECONDARY_VOCATIONAL', [electrician(['LEVEL_3', 'LEVEL_2', 'LEVEL_1'])], expansion),
    ).toEqual([]);
    expect(capProblems('HIGHER_VOCATIONAL', [electrician(['LEVEL_5'])], expansion)).toEqual([]);
    expect(capProblems('HIGHER_VOCATIONAL', [electrician(['LEVEL_2'])])).toEqual([
      '电工：二级/技师及以上等级须在备案期内管理规范、无违规记录并达到评价数量后，通过增设申请备案',
    ]);
    expect(
      scopeSummary('SECONDARY_VOCATIONAL', { agencyKind: 'SKILL_LEVEL_AGENCY', expansion: false }),
    ).toEqual({
      students: '专项职业能力、五级/初级工、四级/中级工',
      requestable: '五级/初级工、四级/中级工',
      byExpansion: '三级/高级工、二级/技师、一级/高级技师',
    });
  });
  it('sends no levels for a 专项 project', () => {
    expect(
      scopeInput([{ code: 'FJZX-0001', name: '德化陶瓷手工成型', special: true, available: [], levels: [] }]),
    ).toEqual([{ occupationCode: 'FJZX-0001', levels: [] }]);
  });
});

describe('补正: the requested scope as a draft', () => {
  it('names items from the catalogue and offers their standard levels', () => {
    const draft = scopeDraft(
      [
        { occupationCode: '6-31-01-03', kind: 'OCCUPATION', levels: ['LEVEL_4'] },
        { occupationCode: 'FJZX-0001', kind: 'SPECIAL_ABILITY', levels: [] },
      ],
      new Map([
        ['6-31-01-03', { name: '电工', levels: ['LEVEL_5', 'LEVEL_4', 'LEVEL_3', 'LEVEL_2', 'LEVEL_1'] }],
        ['FJZX-0001', { name: '德化陶瓷手工成型' }],
      ]),
    );
    expect(draft).toEqual([
      electrician(['LEVEL_4']),
      { code: 'FJZX-0001', name: '德化陶瓷手工成型', special: true, available: [], levels: [] },
    ]);
    expect(scopeComplete(draft)).toBe(true);
  });
  it('without the catalogue, shows the code and the levels already chosen', () => {
    const [item] = scopeDraft([
      { occupationCode: '6-31-01-03', kind: 'OCCUPATION', levels: ['LEVEL_4', 'LEVEL_3'] },
    ]);
    expect(item).toMatchObject({ name: '6-31-01-03', available: ['LEVEL_4', 'LEVEL_3'] });
    expect(scopeComplete([{ ...item!, levels: [] }])).toBe(false);
    expect(scopeComplete([])).toBe(false);
  });
});
