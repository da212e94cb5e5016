import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.js';
import type { MapDatum } from '../../core/report/document.js';
import { classify, MAP_SVG_SIZE, renderMapSvg, topologyToGeoJson, type GeoFeatureCollection } from './map-svg.js';

const topology: unknown = JSON.parse(
  readFileSync(new URL('../../../reference/mx-states.topo.json', import.meta.url), 'utf8'),
);

const datum = (cve: string, name: string, value: number | null, note: number): MapDatum => ({
  code: `MX-${cve}`,
  name,
  figure: { value, text: value === null ? '—' : String(value), note },
  ratePer100kWomen: null,
});

function statePaths(svg: string): string[] {
  // State outlines are the only paths stroked in white.
  return [...svg.matchAll(/<path [^>]*stroke="#ffffff"[^>]*>/g)].map((m) => m[0]);
}

describe('topologyToGeoJson', () => {
  it('decodes the reference file into the 32 states, keyed 01–32, inside Mexico', () => {
    const geo = topologyToGeoJson(topology);
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(32);
    const codes = geo.features.map((f) => f.properties.cve_ent);
    expect(new Set(codes).size).toBe(32);
    expect([...codes].sort()).toEqual(Array.from({ length: 32 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(geo.features.find((f) => f.properties.cve_ent === '09')!.properties.name).toBe('Ciudad de México');
    for (const f of geo.features) {
      expect(f.id).toBe(f.properties.cve_ent);
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polygons.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]); // closed
        const outside = ring.filter(([lon, lat]) => !(lon > -119 && lon < -86 && lat > 14 && lat < 33));
        expect(outside).toEqual([]);
      }
    }
  });

  it('undoes quantization and delta encoding, reverses negative arcs, handles MultiPolygon', () => {
    const topo = {
      type: 'Topology',
      transform: { scale: [0.5, 2], translate: [10, 20] },
      // arc 0: (0,0) → (2,0) → (2,1); arc 1: (2,1) → (0,1) → (0,0)
      arcs: [
        [
          [0, 0],
          [2, 0],
          [0, 1],
        ],
        [
          [2, 1],
          [-2, 0],
          [0, -1],
        ],
        [
          [4, 4],
          [1, 0],
          [0, 1],
          [-1, -1],
        ],
      ],
      objects: {
        states: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', id: '01', arcs: [[0, 1]], properties: { cve_ent: '01' } },
            { type: 'MultiPolygon', id: 2, arcs: [[[~1, ~0]], [[2]]], properties: { cve_ent: '02' } },
            { type: null, properties: { cve_ent: '99' } },
          ],
        },
      },
    };
    const geo = topologyToGeoJson(topo);
    expect(geo.features).toHaveLength(2);
    const square: [number, number][] = [
      [10, 20],
      [11, 20],
      [11, 22],
      [10, 22],
      [10, 20],
    ];
    expect(geo.features[0]!.geometry).toEqual({ type: 'Polygon', coordinates: [square] });
    expect(geo.features[1]!.id).toBe('2');
    expect(geo.features[1]!.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [[...square].reverse()],
        [
          [
            [12, 28],
            [12.5, 28],
            [12.5, 30],
            [12, 28],
          ],
        ],
      ],
    });
  });

  it('reads unquantized arcs as absolute coordinates', () => {
    const topo = {
      type: 'Topology',
      arcs: [
        [
          [1, 1],
          [2, 1],
          [2, 2],
          [1, 1],
        ],
      ],
      objects: { states: { type: 'Polygon', arcs: [[0]] } },
    };
    expect(topologyToGeoJson(topo).features[0]!.geometry.coordinates).toEqual([
      [
        [1, 1],
        [2, 1],
        [2, 2],
        [1, 1],
      ],
    ]);
  });

  it('refuses what is not a usable topology with an AppError', () => {
    for (const bad of [
      null,
      {},
      { type: 'Topology', arcs: [], objects: {} },
      { type: 'Topology', arcs: [], objects: { states: { type: 'Polygon', arcs: [[5]] } } },
    ]) {
      let error: unknown;
      try {
        topologyToGeoJson(bad);
      } catch (e) {
        error = e;
      }
      expect(isAppError(error) && error.code === 'invalid_input').toBe(true);
    }
  });
});

describe('renderMapSvg', () => {
  const geo: GeoFeatureCollection = topologyToGeoJson(topology);
  const data = [
    datum('29', 'Tlaxcala', 1925, 11),
    datum('16', 'Michoacán', 771, 12),
    datum('09', 'Ciudad de México', 0, 13),
    datum('01', 'Aguascalientes', null, 14),
  ];
  const svg = renderMapSvg(data, geo, { title: 'Mujeres <en> redes & "más"', metric: 'Mujeres', lang: 'es' });

  it('draws one path per state, coloured by value, grey without data', () => {
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${MAP_SVG_SIZE.width} ${MAP_SVG_SIZE.height}"`);
    const paths = statePaths(svg);
    expect(paths).toHaveLength(32);
    const fills = paths.map((p) => /fill="([^"]+)"/.exec(p)![1]);
    expect(fills.filter((f) => f === '#d5d5d2')).toHaveLength(29); // 28 absent + 1 null
    expect(fills).toContain('#691c32'); // the maximum takes the darkest colour
    expect(svg).toContain('>Mujeres</text>');
    expect(svg).toContain('>1,925</text>'); // legend classes: 0 – 770, 771 – 1,924, 1,925
    expect(svg).toContain('>771 – 1,924</text>');
    expect(svg).toContain('>Sin datos</text>');
    expect(renderMapSvg(data, geo, { title: 't', metric: 'Women', lang: 'en' })).toContain('>No data</text>');
  });

  it('references nothing outside itself and carries its title as accessible name', () => {
    expect(svg).not.toMatch(/<image|<script|<foreignObject|@import|href=|<style/i);
    for (const m of svg.matchAll(/url\(([^)]*)\)/g)) expect(m[1]!.startsWith('#')).toBe(true);
    expect(svg).toContain('aria-label="Mujeres &#60;en&#62; redes &#38; &#34;más&#34;"');
    expect(svg).toContain('<title>Mujeres &#60;en&#62; redes &#38; &#34;más&#34;</title>');
  });

  it('is deterministic, and two different maps never share an id', () => {
    expect(renderMapSvg(data, geo, { title: 'Mujeres <en> redes & "más"', metric: 'Mujeres', lang: 'es' })).toBe(svg);
    const other = renderMapSvg([datum('05', 'Coahuila', 3, 1)], geo, { title: 'Otro', metric: 'Mujeres', lang: 'es' });
    const idsOf = (s: string) => [...s.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    for (const id of idsOf(other)) expect(idsOf(svg)).not.toContain(id);
    expect(other).not.toMatch(/zr\d+-/);
  });
});

describe('classify', () => {
  const fmt = (n: number) => new Intl.NumberFormat('en-US').format(n);

  it('makes up to five quantile classes so that one large value does not wash out the rest', () => {
    const values = [15, 20, 25, 36, 40, 52, 57, 89, 95, 123, 154, 170, 200, 306, 387, 459, 600, 982, 5243, 7388];
    const classes = classify(values, fmt);
    expect(classes).toHaveLength(5);
    expect(classes.map((c) => c.label)).toEqual(['15 – 39', '40 – 94', '95 – 199', '200 – 599', '600 – 7,388']);
    expect(
      classes.map((c) => values.filter((v) => v >= c.min && (v < c.max || (c === classes[4] && v === c.max))).length),
    ).toEqual([4, 4, 4, 4, 4]);
    expect(classes[4]!.color).toBe('#691c32');
    expect(new Set(classes.map((c) => c.color)).size).toBe(5);
  });

  it('handles few distinct values, decimals and no data', () => {
    expect(classify([7, 7, 7], fmt)).toEqual([{ min: 7, max: 7, label: '7', color: '#691c32' }]);
    expect(classify([0, 1925], fmt).map((c) => c.label)).toEqual(['0 – 1,924', '1,925']);
    expect(classify([0.5, 1.5, 2.5], fmt).map((c) => c.label)).toEqual(['0.5 – < 1.5', '1.5 – < 2.5', '2.5']);
    expect(classify([], fmt)).toEqual([]);
  });
});
