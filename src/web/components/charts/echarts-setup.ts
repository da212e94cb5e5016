/**
 * ECharts 6 for the browser, tree-shaken: only the charts and components the portal uses, drawn by
 * the SVG renderer (crisp, printable, selectable text).
 */
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export { echarts };
export type { EChartsCoreOption } from 'echarts/core';

/** The portal's palette (the report's guinda and gold), distinguishable without colour too: series have labels. */
export const PALETTE = ['#691c32', '#b38e5d', '#285c4d', '#1d4f91', '#6f7271', '#9d2449', '#4a7c59', '#ddc9a3'];
export const SEX_COLORS = { women: '#691c32', men: '#b38e5d', notRecorded: '#6f7271' } as const;
export const FONT = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
