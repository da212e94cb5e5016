/**
 * The choropleth of Mexico's states for the report: ECharts server-side rendering to an SVG string
 * (no DOM, no animation, no external references), and a small TopoJSON → GeoJSON decoder for
 * `reference/mx-states.topo.json`. Both functions are pure: the caller reads the files.
 */
import * as echarts from 'echarts';
import { AppError } from '../../core/errors.js';
import type { Lang } from '../../core/model/kinds.js';
import type { MapDatum } from '../../core/report/document.js';

export type Position = [number, number];
export type GeoGeometry =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
export interface GeoFeature {
  type: 'Feature';
  id?: string;
  properties: { cve_ent?: string; name?: string; [key: string]: unknown };
  geometry: GeoGeometry;
}
export interface GeoFeatureCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

/** Size (CSS px) of the SVG that renderMapSvg draws; the DOCX renderer screenshots it at this size. */
export const MAP_SVG_SIZE = { width: 800, height: 560 } as const;

/** Colour ramp from the report's palette: light gold → guinda. */
const RAMP = ['#f6efe3', '#e3cfa8', '#c49a5e', '#a4465f', '#691c32'];
const NO_DATA = '#d5d5d2';
const FONT = 'Liberation Sans, DejaVu Sans, Arial, Helvetica, sans-serif';

const registered = new WeakMap<GeoFeatureCollection, string>();
let registrations = 0;

function mapNameFor(geo: GeoFeatureCollection): string {
  let name = registered.get(geo);
  if (name === undefined) {
    name = `nap1325-map-${++registrations}`;
    echarts.registerMap(name, geo);
    registered.set(geo, name);
  }
  return name;
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface MapClass {
  /** Lower bound, inclusive. */
  min: number;
  /** Upper bound: exclusive, except for the last class. */
  max: number;
  label: string;
  color: string;
}

/**
 * Up to five classes with (about) the same number of states each (quantiles), so that one large
 * value does not wash out every other state. Integer data get labels like "25 – 94".
 */
export function classify(values: number[], format: (n: number) => string): MapClass[] {
  const sorted = [...values].sort((a, b) => a - b);
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  if (lo === undefined || hi === undefined) return [];
  const k = Math.min(RAMP.length, new Set(sorted).size);
  const breaks = [lo];
  for (let i = 1; i < k; i++) {
    const q = sorted[Math.floor((i * sorted.length) / k)]!;
    if (q > breaks[breaks.length - 1]!) breaks.push(q);
  }
  const integers = sorted.every(Number.isInteger);
  return breaks.map((min, i) => {
    const last = i === breaks.length - 1;
    const max = last ? hi : breaks[i + 1]!;
    const top = last ? max : integers ? max - 1 : max;
    const label = min === top ? format(min) : `${format(min)} – ${last || integers ? '' : '< '}${format(top)}`;
    const color =
      RAMP[breaks.length === 1 ? RAMP.length - 1 : Math.round((i * (RAMP.length - 1)) / (breaks.length - 1))]!;
    return { min, max, label, color };
  });
}

/**
 * Draws the states coloured by `figure.value` in quantile classes (keyed by INEGI `cve_ent` =
 * code.slice(3)); states without a datum or with a null value are grey ("no data"). Returns
 * standalone SVG markup of MAP_SVG_SIZE, with `role="img"` and the title as its accessible name; ids
 * are derived from the content so that several maps can sit in one HTML document.
 */
export function renderMapSvg(
  data: MapDatum[],
  geo: GeoFeatureCollection,
  options: { title: string; metric: string; lang: Lang },
): string {
  const nf = new Intl.NumberFormat(options.lang === 'es' ? 'es-MX' : 'en-US', { maximumFractionDigits: 1 });
  const values = data.flatMap((d) => (d.figure.value === null ? [] : [d.figure.value]));
  const classes = classify(values, (n) => nf.format(n));
  const noData = options.lang === 'es' ? 'Sin datos' : 'No data';
  const { width, height } = MAP_SVG_SIZE;
  const legendBottom = 48;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT },
      title: {
        text: options.metric,
        left: 19,
        bottom: legendBottom + classes.length * 20 + 12,
        textStyle: { fontSize: 14, fontWeight: 'bold', color: '#333333' },
      },
      visualMap: {
        type: 'piecewise',
        show: classes.length > 0,
        left: 9,
        bottom: legendBottom,
        orient: 'vertical',
        itemWidth: 22,
        itemHeight: 14,
        itemGap: 6,
        itemSymbol: 'rect',
        selectedMode: false,
        textStyle: { fontSize: 12, color: '#333333' },
        // Highest class on top.
        pieces: [...classes].reverse().map((c, i) => ({
          gte: c.min,
          ...(i === 0 ? { lte: c.max } : { lt: c.max }),
          label: c.label,
          color: c.color,
        })),
        outOfRange: { color: NO_DATA },
      },
      graphic: [
        {
          type: 'rect',
          left: 24,
          bottom: 24,
          shape: { width: 22, height: 14 },
          style: { fill: NO_DATA, stroke: '#8c8c8c', lineWidth: 0.5 },
        },
        {
          type: 'text',
          left: 54,
          bottom: 24,
          style: { text: noData, fontSize: 12, fill: '#333333', fontFamily: FONT },
        },
      ],
      series: [
        {
          type: 'map',
          map: mapNameFor(geo),
          nameProperty: 'cve_ent',
          left: 16,
          right: 16,
          top: 12,
          bottom: 12,
          roam: false,
          selectedMode: false,
          label: { show: false },
          emphasis: { disabled: true },
          itemStyle: { areaColor: NO_DATA, borderColor: '#ffffff', borderWidth: 0.8 },
          data: data
            .filter((d) => d.figure.value !== null)
            .map((d) => ({ name: d.code.slice(3), value: d.figure.value })),
        },
      ],
    });
    const raw = chart.renderToSVGString();
    // Print output: drop hover styles (and their invalid "[object Object]" fills) and ECharts'
    // metadata attributes; make ids deterministic and unique per map.
    const clean = raw
      .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
      .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '');
    const prefix = `m${hash(clean.replace(/zr\d+-/g, 'zr-') + options.title)}-`;
    const label = escapeXml(options.title);
    return clean
      .replace(/zr\d+-/g, prefix)
      .replace(/^<svg /, `<svg role="img" aria-label="${label}" `)
      .replace(/(<svg[^>]*>)/, `$1<title>${label}</title>`);
  } finally {
    chart.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// TopoJSON → GeoJSON

interface TopoTransform {
  scale: [number, number];
  translate: [number, number];
}

function bad(message: string): never {
  throw new AppError('invalid_input', `TopoJSON: ${message}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function numberPair(v: unknown, what: string): [number, number] {
  if (!Array.isArray(v) || typeof v[0] !== 'number' || typeof v[1] !== 'number')
    bad(`${what} is not a pair of numbers`);
  return [v[0], v[1]];
}

function readTransform(v: unknown): TopoTransform | null {
  if (v === undefined) return null;
  if (!isRecord(v)) bad('transform is not an object');
  return { scale: numberPair(v.scale, 'transform.scale'), translate: numberPair(v.translate, 'transform.translate') };
}

/** Decodes every arc to absolute coordinates (undoing quantization and delta encoding). */
function decodeArcs(arcs: unknown, transform: TopoTransform | null): Position[][] {
  if (!Array.isArray(arcs)) bad('arcs is not an array');
  return arcs.map((arc: unknown, i) => {
    if (!Array.isArray(arc)) bad(`arc ${i} is not an array`);
    let x = 0;
    let y = 0;
    return arc.map((p: unknown): Position => {
      const [px, py] = numberPair(p, `a point of arc ${i}`);
      if (!transform) return [px, py];
      x += px;
      y += py;
      return [x * transform.scale[0] + transform.translate[0], y * transform.scale[1] + transform.translate[1]];
    });
  });
}

function ring(indexes: unknown, arcs: Position[][]): Position[] {
  if (!Array.isArray(indexes)) bad('a ring is not an array of arc indexes');
  const out: Position[] = [];
  for (const index of indexes) {
    if (typeof index !== 'number' || !Number.isInteger(index)) bad('an arc index is not an integer');
    const arc = arcs[index < 0 ? ~index : index];
    if (!arc) bad(`arc ${index} does not exist`);
    const points = index < 0 ? [...arc].reverse() : arc;
    // Consecutive arcs share their end and start point.
    out.push(...(out.length > 0 ? points.slice(1) : points));
  }
  return out;
}

function polygon(rings: unknown, arcs: Position[][]): Position[][] {
  if (!Array.isArray(rings)) bad('a polygon is not an array of rings');
  return rings.map((r: unknown) => ring(r, arcs));
}

/**
 * Converts a TopoJSON topology's object (default `states`) to a GeoJSON FeatureCollection.
 * Handles quantized (`transform`) and delta-encoded arcs, Polygon and MultiPolygon geometries;
 * null geometries are skipped. Each feature keeps the geometry's `id` and `properties`.
 */
export function topologyToGeoJson(topology: unknown, objectName = 'states'): GeoFeatureCollection {
  if (!isRecord(topology) || topology.type !== 'Topology') bad('not a Topology');
  const arcs = decodeArcs(topology.arcs, readTransform(topology.transform));
  const object = isRecord(topology.objects) ? topology.objects[objectName] : undefined;
  if (!isRecord(object)) bad(`object "${objectName}" not found`);
  const geometries = object.type === 'GeometryCollection' ? object.geometries : [object];
  if (!Array.isArray(geometries)) bad(`object "${objectName}" has no geometries`);
  const features: GeoFeature[] = [];
  for (const g of geometries as unknown[]) {
    if (!isRecord(g)) bad('a geometry is not an object');
    const properties = isRecord(g.properties) ? { ...g.properties } : {};
    let geometry: GeoGeometry;
    if (g.type === 'Polygon') geometry = { type: 'Polygon', coordinates: polygon(g.arcs, arcs) };
    else if (g.type === 'MultiPolygon') {
      if (!Array.isArray(g.arcs)) bad('a MultiPolygon has no arcs');
      geometry = { type: 'MultiPolygon', coordinates: g.arcs.map((p: unknown) => polygon(p, arcs)) };
    } else if (g.type === null || g.type === undefined) continue;
    else bad(`geometry type ${JSON.stringify(g.type)} is not supported (Polygon and MultiPolygon only)`);
    const feature: GeoFeature = { type: 'Feature', properties, geometry };
    if (typeof g.id === 'string' || typeof g.id === 'number') feature.id = String(g.id);
    features.push(feature);
  }
  return { type: 'FeatureCollection', features };
}
