import { FONT } from './echarts-setup.js';

export interface Series {
  name: string;
  values: (number | null)[];
  color?: string;
}

/** Options of a bar (or line) chart over categories; numbers formatted by `format`. */
export function barOptions(
  categories: string[],
  series: Series[],
  format: (n: number) => string,
  options: {
    horizontal?: boolean;
    stacked?: boolean;
    line?: boolean;
    /** Whole numbers only (counts): no fractional ticks. */
    integer?: boolean;
    target?: { value: number; label: string };
  } = {},
) {
  const valueAxis = {
    type: 'value',
    minInterval: options.integer ? 1 : undefined,
    // Labels that would overlap (narrow screens) are left out rather than printed over each other.
    axisLabel: { formatter: (n: number) => format(n), hideOverlap: true },
    splitNumber: 4,
  };
  const categoryAxis = {
    type: 'category',
    data: categories,
    inverse: options.horizontal === true,
    axisLabel: { width: options.horizontal ? 220 : 110, overflow: 'truncate', interval: 0, fontFamily: FONT },
  };
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? format(v) : '—'),
    },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 24, top: series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
    xAxis: options.horizontal ? valueAxis : categoryAxis,
    yAxis: options.horizontal ? categoryAxis : valueAxis,
    series: series.map((s, i) => ({
      name: s.name,
      type: options.line ? 'line' : 'bar',
      stack: options.stacked ? 'all' : undefined,
      data: s.values,
      itemStyle: s.color ? { color: s.color } : undefined,
      lineStyle: s.color ? { color: s.color } : undefined,
      symbolSize: 8,
      barMaxWidth: 56,
      connectNulls: false,
      markLine:
        options.target && i === 0
          ? {
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#a32020' },
              label: { formatter: options.target.label, position: 'insideEndTop' },
              data: [options.horizontal ? { xAxis: options.target.value } : { yAxis: options.target.value }],
            }
          : undefined,
    })),
  };
}
