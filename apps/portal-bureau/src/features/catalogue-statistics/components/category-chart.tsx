import { useMemo } from 'react';
import { EChart } from '../../../components/echart';
import { categoryChartOption, type CategoryCount } from '../utils/category-chart';

/** 各大类职业数量柱状图 (the table below it has the numbers). */
export function CategoryChart({ byCategory }: { byCategory: readonly CategoryCount[] }) {
  const option = useMemo(() => categoryChartOption(byCategory), [byCategory]);
  return <EChart option={option} label="各大类职业数量柱状图" testId="category-chart" />;
}
