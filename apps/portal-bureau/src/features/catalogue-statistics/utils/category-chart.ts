import type { EChartsCoreOption } from 'echarts/core';

export interface CategoryCount {
  category: number;
  name: string;
  count: number;
}

/** Short axis label: the 大类 number and its name cut to 6 characters (`6 生产制造及有关…`). */
export function categoryAxisLabel(c: CategoryCount): string {
  return `${c.category} ${c.name.length > 6 ? `${c.name.slice(0, 6)}…` : c.name}`;
}

/** A bar chart of occupations per 大类, in 大类 order, with ECharts' aria description switched on. */
export function categoryChartOption(byCategory: readonly CategoryCount[]): EChartsCoreOption {
  const rows = [...byCategory].sort((a, b) => a.category - b.category);
  return {
    aria: {
      enabled: true,
      label: { description: `各大类职业数量：${rows.map((r) => `${r.name} ${r.count} 个`).join('，')}` },
    },
    color: ['#0b57d0'],
    grid: { left: 48, right: 16, top: 24, bottom: 64 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: rows.map(categoryAxisLabel),
      axisLabel: { interval: 0, rotate: rows.length > 5 ? 20 : 0 },
    },
    yAxis: { type: 'value', name: '职业数', minInterval: 1 },
    series: [
      { type: 'bar', name: '职业数', data: rows.map((r) => r.count), label: { show: true, position: 'top' } },
    ],
  };
}
