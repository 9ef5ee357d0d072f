import { makeDemoCreditCode } from '@skills/domain';
import { describe, expect, it } from 'vitest';
import { checkRoster } from './roster.js';

const code = makeDemoCreditCode('350582', 1);
const row = (over: Record<string, string> = {}) => ({
  统一社会信用代码: code,
  院校名称: '晋江测试职业学院',
  院校类型: '高职',
  所在地区代码: '350582',
  开设专业: '460103、510201',
  ...over,
});
const inQuanzhou = (r: string) => r.startsWith('3505');

describe('roster rows (职业院校名录)', () => {
  it('reads a good row, majors split on 、 and commas', () => {
    expect(checkRoster([row()], inQuanzhou)).toEqual({
      rows: [
        {
          creditCode: code,
          name: '晋江测试职业学院',
          schoolType: 'HIGHER_VOCATIONAL',
          regionCode: '350582',
          majors: ['460103', '510201'],
        },
      ],
      errors: [],
    });
  });
  it('lists every error of every row, in Chinese, with its row number', () => {
    const { rows, errors } = checkRoster(
      [
        row(),
        row({ 院校类型: '大学', 所在地区代码: '350203' }),
        row({ 统一社会信用代码: code }),
        row({ 统一社会信用代码: '123', 开设专业: 'abc' }),
      ],
      inQuanzhou,
    );
    expect(rows).toHaveLength(1);
    expect(errors).toEqual([
      { row: 3, field: '统一社会信用代码', message: '与第 2 行的统一社会信用代码重复' },
      { row: 3, field: '院校类型', message: expect.stringMatching(/^院校类型“大学”不正确/) },
      { row: 3, field: '所在地区代码', message: '“350203”不在本部门管辖范围内' },
      { row: 4, field: '统一社会信用代码', message: '与第 2 行的统一社会信用代码重复' },
      { row: 5, field: '统一社会信用代码', message: '统一社会信用代码“123”不正确' },
      { row: 5, field: '开设专业', message: '专业代码“ABC”不正确（应为专业目录中的代码，如 460103）' },
    ]);
  });
});
