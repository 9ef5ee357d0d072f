import { describe, expect, it } from 'vitest';
import { assessorVariables, conflictText, qualificationText, SKILL_LEVEL_OPTIONS } from './assessor';

describe('assessor form', () => {
  it('trims the fields, upper-cases X and turns a blank phone into null', () => {
    expect(
      assessorVariables({
        name: ' 陈明 ',
        idNumber: ' 35058219800101123x ',
        phone: '  ',
        qualifications: [{ occupationCode: ' 6-31-01-03 ', level: 'LEVEL_3' }],
      }),
    ).toEqual({
      name: '陈明',
      idNumber: '35058219800101123X',
      phone: null,
      qualifications: [{ occupationCode: '6-31-01-03', level: 'LEVEL_3' }],
      conflicts: [],
    });
  });

  it('drops blank and repeated qualifications and blank conflicts', () => {
    const v = assessorVariables({
      name: '陈明',
      idNumber: '350582198001011236',
      phone: '13812345678',
      qualifications: [
        { occupationCode: '6-31-01-03', level: 'LEVEL_3' },
        undefined,
        { occupationCode: '6-31-01-03', level: 'LEVEL_3' },
        { occupationCode: '6-31-01-03', level: 'LEVEL_4' },
        { occupationCode: '', level: 'LEVEL_4' },
      ],
      conflicts: [
        { type: 'TEACHER_OF', personName: ' 王小明 ', personIdNumber: '' },
        { type: 'RELATIVE_OF', personName: '  ' },
        undefined,
      ],
    });
    expect(v.phone).toBe('13812345678');
    expect(v.qualifications).toEqual([
      { occupationCode: '6-31-01-03', level: 'LEVEL_3' },
      { occupationCode: '6-31-01-03', level: 'LEVEL_4' },
    ]);
    expect(v.conflicts).toEqual([{ type: 'TEACHER_OF', personName: '王小明', personIdNumber: null }]);
  });

  it('labels qualifications, conflicts and levels in Chinese', () => {
    expect(qualificationText({ occupationCode: '6-31-01-03', level: 'LEVEL_3' })).toBe(
      '6-31-01-03 三级/高级工',
    );
    expect(conflictText({ type: 'TEACHER_OF', personName: '王小明' })).toBe('任课教师：王小明');
    expect(
      conflictText({ type: 'RELATIVE_OF', personName: '陈红', personIdNumber: '3505**********1234' }),
    ).toBe('亲属：陈红（3505**********1234）');
    expect(SKILL_LEVEL_OPTIONS.map((o) => o.label)).toEqual([
      '五级/初级工',
      '四级/中级工',
      '三级/高级工',
      '二级/技师',
      '一级/高级技师',
    ]);
  });
});
