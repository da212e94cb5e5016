/**
 * A grouped column chart (categories × series) as standalone SVG, drawn by ECharts' server-side
 * renderer: no DOM, no animation, no external references; the values as labels on the columns. Pure.
 */
import * as echarts from 'echarts';
import type { Lang } from '../../core/model/kinds.js';
import { finishSsrSvg } from './ssr-svg.js';

/** Size (CSS px) of the SVG; the DOCX renderer screenshots it at this size. */
export const CHART_SVG_SIZE = { width: 800, height: 340 } as const;

const FONT = 'Liberation Sans, DejaVu Sans, Arial, Helvetica, sans-serif';
/** The bulletin's year in guinda, the previous year in a muted gold. */
const CURRENT = '#9f2241';
const PREVIOUS = '#c9b28a';

export interface ChartInput {
  title: string;
  categories: string[];
  series: { name: string; values: (number | null)[]; current: boolean }[];
  lang: Lang;
}

export function renderColumnChartSvg(input: ChartInput): string {
  const nf = new Intl.NumberFormat(input.lang === 'es' ? 'es-MX' : 'en-US', { maximumFractionDigits: 1 });
  const { width, height } = CHART_SVG_SIZE;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, color: '#333333' },
      legend: {
        top: 6,
        right: 12,
        itemWidth: 16,
        itemHeight: 11,
        textStyle: { fontSize: 13 },
        selectedMode: false,
        data: input.series.map((s) => s.name),
      },
      grid: { left: 56, right: 16, top: 44, bottom: 34 },
      xAxis: {
        type: 'category',
        data: input.categories,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#8c8c8c' } },
        axisLabel: { fontSize: 13, color: '#333333' },
      },
      yAxis: {
        type: 'value',
        splitLine: { lineStyle: { color: '#e4e1da' } },
        axisLabel: { fontSize: 12, color: '#555555', formatter: (v: number) => nf.format(v) },
      },
      series: input.series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values.map((v) => (v === null ? '-' : v)),
        barGap: '8%',
        barCategoryGap: '28%',
        itemStyle: { color: s.current ? CURRENT : PREVIOUS },
        label: {
          show: input.categories.length <= 12,
          position: 'top',
          fontSize: 11,
          color: s.current ? '#691c32' : '#6f6146',
          formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? nf.format(p.value) : ''),
        },
        emphasis: { disabled: true },
      })),
    });
    return finishSsrSvg(chart.renderToSVGString(), input.title, 'c');
  } finally {
    chart.dispose();
  }
}
