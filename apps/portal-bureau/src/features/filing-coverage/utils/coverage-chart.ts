import type { EChartsCoreOption } from 'echarts/core';

export interface CoverageRow {
  regionCode: string;
  regionName: string;
  vocationalColleges: number;
  filed: number;
  ratio: number;
}

/** 12.5% → '12.5%' (one decimal, trailing .0 dropped). */
export function percent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(1))}%`;
}

/** Bar chart by county: colleges vs filed, with the ratio in the tooltip and aria description. */
export function coverageChartOption(rows: readonly CoverageRow[]): EChartsCoreOption {
  return {
    aria: {
      enabled: true,
      label: {
        description: `各县（市、区）职业院校备案情况：${rows
          .map((r) => `${r.regionName} ${r.filed}/${r.vocationalColleges} 所，${percent(r.ratio)}`)
          .join('，')}`,
      },
    },
    color: ['#8c8c8c', '#0b57d0'],
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 40 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: rows.map((r) => r.regionName), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: '院校数', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: '职业院校',
        data: rows.map((r) => r.vocationalColleges),
        label: { show: true, position: 'top' },
      },
      { type: 'bar', name: '已备案', data: rows.map((r) => r.filed), label: { show: true, position: 'top' } },
    ],
  };
}
