import { readFileSync } from 'node:fs';
import type { LocalizedText } from '../../core/schemas/common.schema.js';
import { topologyToGeoJson, type GeoFeatureCollection } from '../../formats/html/map-svg.js';
import { evaluatePublished } from './indicators.service.js';
import type { PublishedData } from './published-data.js';
import { referenceFile } from '../../config/paths.js';

/** What the map can show per federal entity: a filter and the field it sums. */
export const MAP_METRICS = {
  'networks-created': {
    label: { es: 'Redes creadas', en: 'Networks created' },
    field: 'quantity',
    filter: 'kind = "network" and attr.networkAction = "created" and unit = "networks"',
  },
  'network-women': {
    label: { es: 'Mujeres integrantes de las redes creadas', en: 'Women members of the networks created' },
    field: 'women',
    filter: 'kind = "network" and attr.networkAction = "created"',
  },
  'people-trained': {
    label: { es: 'Personas capacitadas', en: 'People trained' },
    field: 'total',
    filter: 'kind = "training"',
  },
  'women-trained': {
    label: { es: 'Mujeres capacitadas', en: 'Women trained' },
    field: 'women',
    filter: 'kind = "training"',
  },
} as const satisfies Record<string, { label: LocalizedText; field: string; filter: string }>;
export type MapMetric = keyof typeof MAP_METRICS;
export const MAP_METRIC_KEYS = Object.keys(MAP_METRICS) as MapMetric[];

export interface MapRow {
  code: string;
  /** INEGI cve_ent ("01".."32"), the key of the boundaries. */
  cveEnt: string;
  name: LocalizedText;
  value: number | null;
  populationWomen: number | null;
  /** value per 100,000 women living in the entity (INEGI 2020 census), 1 decimal. */
  ratePer100kWomen: number | null;
  formula: string;
  /** The first records of the value (at most MAP_RECORD_IDS); `recordCount` is how many there are. */
  recordIds: string[];
  recordCount: number;
}

/**
 * Record ids per entity in the map's answer: a sample that lets a reader trace the value (the page
 * does not show them; `formula` with the records list gives them all). 100 per entity made the answer
 * 165 KB at 100,000 records, most of the cost of serving it.
 */
export const MAP_RECORD_IDS = 10;

export interface MapData {
  period: number;
  metric: MapMetric;
  label: LocalizedText;
  rows: MapRow[];
  /** The metric over every record of the period, also those not located in an entity. */
  national: number | null;
  nationalFormula: string;
  /** Records that count in the national figure but in no entity. */
  unlocated: number;
}

/** A metric for every federal entity in a published period, with counts and rates per 100,000 women. */
export async function computeMap(data: PublishedData, period: number, metric: MapMetric): Promise<MapData> {
  const m = MAP_METRICS[metric];
  const bounded = { provenance: 'bounded', limit: MAP_RECORD_IDS, inputs: false } as const;
  const rows: MapRow[] = [];
  for (const [code, state] of data.states) {
    const v = await evaluatePublished(data, `sum(${m.field} where ${m.filter} and place = "${code}")`, period, bounded);
    const value = v?.value ?? null;
    rows.push({
      code,
      cveEnt: code.replace(/^[A-Z]{2}-/, ''),
      name: { es: state.name_es, en: state.name_en },
      value,
      populationWomen: state.population_women,
      ratePer100kWomen:
        value !== null && state.population_women
          ? Math.round((value / state.population_women) * 100_000 * 10) / 10
          : null,
      formula: v?.formula ?? '',
      recordIds: v?.recordIds ?? [],
      recordCount: v?.recordCount ?? 0,
    });
  }
  const none = { provenance: 'none', inputs: false } as const;
  const national = await evaluatePublished(data, `sum(${m.field} where ${m.filter})`, period, none);
  // Records that count nationally but lie in no entity: the same sum outside every entity.
  const entities = [...data.states.keys()].map((c) => JSON.stringify(c)).join(', ');
  const outside =
    data.states.size === 0
      ? `sum(${m.field} where ${m.filter})`
      : `sum(${m.field} where ${m.filter} and not place in (${entities}))`;
  const unlocated = await evaluatePublished(data, outside, period, { provenance: 'bounded', limit: 0, inputs: false });
  return {
    period,
    metric,
    label: m.label,
    rows,
    national: national?.value ?? null,
    nationalFormula: national?.formula ?? '',
    unlocated: unlocated?.recordCount ?? 0,
  };
}

let statesGeo: GeoFeatureCollection | null = null;

type Ring = [number, number][];
/** Rounds to 0.01° (about 1 km, far below a pixel of a country map) and drops repeated points. */
function coarsen(ring: Ring): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: [number, number] = [Math.round(x * 100) / 100, Math.round(y * 100) / 100];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Mexico's federal entities as GeoJSON (decoded once from reference/mx-states.topo.json, coarsened for the web). */
export function readStatesGeoJson(): GeoFeatureCollection {
  if (!statesGeo) {
    const path = referenceFile('mx-states.topo.json');
    const geo = topologyToGeoJson(JSON.parse(readFileSync(path, 'utf8')) as unknown, 'states');
    const polygon = (rings: Ring[]) => {
      const rs = rings.map(coarsen);
      return rs[0] && rs[0].length >= 4 ? rs.filter((r) => r.length >= 4) : [];
    };
    statesGeo = {
      type: 'FeatureCollection',
      features: geo.features.map((f) => ({
        ...f,
        geometry:
          f.geometry.type === 'Polygon'
            ? { type: 'Polygon', coordinates: polygon(f.geometry.coordinates) }
            : {
                type: 'MultiPolygon',
                coordinates: f.geometry.coordinates.map(polygon).filter((p) => p.length > 0),
              },
      })),
    };
  }
  return statesGeo;
}
