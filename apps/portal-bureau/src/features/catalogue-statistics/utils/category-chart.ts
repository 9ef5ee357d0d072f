import type { EChartsCoreOption } from 'echarts/core';

export interface CategoryCount {
  category: number;
  name: string;
  count: number;
}

/** Axis label: the 大类 number and its whole name (`6 生产制造及有关人员`) — a cut name says nothing. */
export function categoryAxisLabel(c: CategoryCount): string {
  return `${c.category} ${c.name}`;
}

/**
 * Occupations per 大类 as horizontal bars, 大类 1 at the top, so the whole names fit beside the bars (a vertical
 * chart had to cut them to six characters); ECharts' aria description switched on.
 */
export function categoryChartOption(byCategory: readonly CategoryCount[]): EChartsCoreOption {
  const rows = [...byCategory].sort((a, b) => a.category - b.category);
  return {
    aria: {
      enabled: true,
      label: { description: `各大类职业数量：${rows.map((r) => `${r.name} ${r.count} 个`).join('，')}` },
    },
    color: ['#0b57d0'],
    grid: { left: 8, right: 40, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    yAxis: { type: 'category', inverse: true, data: rows.map(categoryAxisLabel), axisLabel: { interval: 0 } },
    xAxis: { type: 'value', name: '职业数', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: '职业数',
        data: rows.map((r) => r.count),
        label: { show: true, position: 'right' },
      },
    ],
  };
}
