import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client.js';
import { Chart } from './chart.js';
import { echarts, FONT } from './echarts-setup.js';

const MAP_NAME = 'nap1325-mx-states';
/** One hue (the plan's wine), light to dark: more is darker, and it reads in grey print too. */
const RAMP = ['#f6e8ec', '#e2b4c1', '#c4768d', '#963b58', '#5e1230'];
const NO_DATA = '#d5d5d2';
let loading: Promise<void> | null = null;

/** Registers Mexico's federal entities once (GeoJSON from /api/public/geo/states). */
function loadStates(): Promise<void> {
  loading ??= api<Parameters<typeof echarts.registerMap>[1]>('/api/public/geo/states').then((geo) => {
    echarts.registerMap(MAP_NAME, geo);
  });
  return loading;
}

export interface ChoroplethDatum {
  /** INEGI cve_ent ("01".."32"). */
  cveEnt: string;
  name: string;
  value: number | null;
}

/** Up to five classes with about as many entities in each (quantiles of the distinct values). */
export function quantileClasses(values: number[]): { min: number; max: number }[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const k = Math.min(RAMP.length, sorted.length);
  const classes: { min: number; max: number }[] = [];
  for (let i = 0; i < k; i++) {
    const lo = sorted[Math.floor((i * sorted.length) / k)] ?? 0;
    const hi = sorted[Math.floor(((i + 1) * sorted.length) / k) - 1] ?? lo;
    classes.push({ min: lo, max: hi });
  }
  return classes;
}

/** Stands for "no data" in the series, so the legend can show its key (real values are never negative). */
const NO_DATA_VALUE = -1;

/** A choropleth of Mexico's federal entities in quantile classes of one hue; entities without data are grey, with their own key. */
export function Choropleth({
  data,
  label,
  format,
  noData,
}: {
  data: ChoroplethDatum[];
  label: string;
  format: (n: number) => string;
  noData: string;
}) {
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadStates()
      .then(() => live && setReady(true))
      .catch(() => {
        loading = null;
        if (live) setFailed(true);
      });
    return () => {
      live = false;
    };
  }, []);
  const option = useMemo(() => {
    const byKey = new Map(data.map((d) => [d.cveEnt, d]));
    const classes = quantileClasses(data.map((d) => d.value).filter((v): v is number => v !== null));
    const offset = RAMP.length - classes.length;
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const d = byKey.get(p.name);
          return d ? `${d.name}: ${d.value === null ? noData : format(d.value)}` : p.name;
        },
      },
      visualMap: {
        type: 'piecewise',
        left: 8,
        bottom: 8,
        orient: 'vertical',
        itemSymbol: 'rect',
        textStyle: { fontFamily: FONT, fontSize: 12 },
        pieces: [
          ...classes.map((c, i) => ({
            min: c.min,
            max: c.max,
            color: RAMP[i + offset],
            label: c.min === c.max ? format(c.min) : `${format(c.min)} – ${format(c.max)}`,
          })),
          { value: NO_DATA_VALUE, color: NO_DATA, label: noData },
        ],
        outOfRange: { color: NO_DATA },
      },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          nameProperty: 'cve_ent',
          roam: false,
          aspectScale: 0.92,
          // Fits the box at any width (a phone too): the whole country, Yucatán included.
          layoutCenter: ['52%', '46%'],
          layoutSize: '96%',
          itemStyle: { areaColor: NO_DATA, borderColor: '#ffffff', borderWidth: 0.7 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#b38e5d' } },
          select: { disabled: true },
          data: data.map((d) => ({ name: d.cveEnt, value: d.value ?? NO_DATA_VALUE })),
        },
      ],
    };
  }, [data, format, noData]);
  if (failed) return null;
  if (!ready) return <div className="chart" style={{ height: 480 }} aria-hidden="true" />;
  return <Chart option={option} label={label} height={480} />;
}
