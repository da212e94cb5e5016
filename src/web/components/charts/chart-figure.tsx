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
}: {
  option: EChartsCoreOption;
  caption: string;
  height?: number;
  /** The same data as a table (required: every chart comes with its table). */
  table: ReactNode;
  hideChart?: boolean;
}) {
  return (
    <figure className="chart-figure">
      <figcaption>{caption}</figcaption>
      {!hideChart && <Chart option={option} label={caption} height={height} />}
      <TableScroll label={caption}>{table}</TableScroll>
    </figure>
  );
}
