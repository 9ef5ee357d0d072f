import { describe, expect, it } from 'vitest';
import { categoryAxisLabel, categoryChartOption } from './category-chart';

const byCategory = [
  { category: 6, name: '生产制造及有关人员', count: 53 },
  { category: 2, name: '专业技术人员', count: 3 },
];

describe('category chart', () => {
  it('orders bars by 大类 and labels them with whole names', () => {
    const option = categoryChartOption(byCategory) as {
      yAxis: { data: string[] };
      series: { data: number[] }[];
      aria: { label: { description: string } };
    };
    expect(option.yAxis.data).toEqual(['2 专业技术人员', '6 生产制造及有关人员']);
    expect(option.series[0]?.data).toEqual([3, 53]);
    expect(option.aria.label.description).toContain('生产制造及有关人员 53 个');
  });

  it('never cuts a name', () => {
    expect(categoryAxisLabel({ category: 4, name: '社会生产服务和生活服务人员', count: 1 })).toBe(
      '4 社会生产服务和生活服务人员',
    );
  });
});
