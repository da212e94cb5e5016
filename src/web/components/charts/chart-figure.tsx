import type { ReactNode } from 'react';
import type { EChartsCoreOption } from './echarts-setup.js';
import { Chart } from './chart.js';
import { TableScroll } from './table-scroll.js';

/** A chart with its caption, always followed by the table of the same numbers. */
export function ChartFigure({
  option,
  caption,
  height,
  table,
  hideChart = false,
  download,
}: {
  option: EChartsCoreOption;
  caption: string;
  height?: number;
  /** The same data as a table (required: every chart comes with its table). */
  table: ReactNode;
  hideChart?: boolean;
  /** File name (without extension) for saving the chart as PNG or SVG. */
  download?: string;
}) {
  return (
    <figure className="chart-figure">
      <figcaption>{caption}</figcaption>
      {!hideChart && <Chart option={option} label={caption} height={height} download={download ?? slug(caption)} />}
      <TableScroll label={caption}>{table}</TableScroll>
    </figure>
  );
}

/** "Personas capacitadas, 2022" → "personas-capacitadas-2022". */
function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'chart'
  );
}
