import { useEffect, useRef } from 'react';
import { echarts, FONT, PALETTE, type EChartsCoreOption } from './echarts-setup.js';

/**
 * One ECharts chart (SVG). The chart is a picture with a text label for screen readers; the data is
 * always in the table that follows it (see ChartFigure), so nothing is only in the chart.
 */
export function Chart({ option, label, height = 320 }: { option: EChartsCoreOption; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      color: PALETTE,
      textStyle: { fontFamily: FONT, color: '#1f2933' },
      animation: false,
      aria: { enabled: false },
      ...option,
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} className="chart" role="img" aria-label={label} style={{ height }} />;
}
