import type { EChartsCoreOption } from 'echarts/core';
import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';

// ECharts (≈ 600 KB) is fetched only by pages that draw a chart, when they draw it.
const EChartCanvas = lazy(() => import('./echart-canvas'));

/**
 * The portal's chart: the figure is labelled; put the numbers in a table next to it for screen readers. Until
 * ECharts has loaded, a placeholder of the chart's height keeps the page from jumping.
 */
export function EChart(props: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
  testId?: string;
}) {
  const height = props.height ?? 320;
  return (
    <Suspense
      fallback={
        <figure style={{ margin: 0, height }} aria-label={props.label} aria-busy="true">
          <Skeleton.Node active style={{ width: '100%', height }} />
        </figure>
      }
    >
      <EChartCanvas {...props} height={height} />
    </Suspense>
  );
}
