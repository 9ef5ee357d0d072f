import { describe, expect, it } from 'vitest';
import { coverageChartOption, percent } from './coverage-chart';

describe('coverage chart', () => {
  it('formats ratios as percentages', () => {
    expect(percent(0.1875)).toBe('18.8%');
    expect(percent(1)).toBe('100%');
    expect(percent(0)).toBe('0%');
  });
  it('has one bar pair per county and an aria description', () => {
    const option = coverageChartOption([
      { regionCode: '350581', regionName: '石狮市', vocationalColleges: 2, filed: 1, ratio: 0.5 },
    ]) as { series: { data: number[] }[]; aria: { label: { description: string } } };
    expect(option.series.map((s) => s.data)).toEqual([[2], [1]]);
    expect(option.aria.label.description).toContain('石狮市 1/2 所，50%');
  });
});
