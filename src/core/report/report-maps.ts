import type { Block, MapDatum } from './document.js';
import type { FigureBook } from './figures.js';
import { LABELS } from './labels.js';
import type { ReportInput } from './report-input.js';

const MIN_STATES_FOR_MAP = 5;

/**
 * A choropleth of women by federal entity, for a course of action whose records cover several entities.
 * Maps never double-count: a record counts in an entity only when all its places lie in that one entity
 * (per-place leaves); a record whose places span several entities is left out of every entity and its
 * women are stated once, in a paragraph under the map, as "several entities".
 */
export async function mapBlocks(coa: string, input: ReportInput, book: FigureBook): Promise<Block[]> {
  const stateOf = (place: string): string | null => {
    let cur: string | null | undefined = place;
    while (cur) {
      if (input.states.has(cur)) return cur;
      cur = input.catalog.places.get(cur);
    }
    return null;
  };
  const children = new Set(input.period.activities.map((a) => a.parent));
  const inCoa = new Set<string>();
  const several: string[] = [];
  const roots = new Map(input.period.activities.map((a) => [a.id, a]));
  const coasOf = (id: string): string[] => {
    let a = roots.get(id);
    while (a && a.coursesOfAction.length === 0 && a.parent) a = roots.get(a.parent);
    return a?.coursesOfAction ?? [];
  };
  for (const a of input.period.activities) {
    if (!coasOf(a.id).includes(coa) || children.has(a.id) || a.women === null) continue;
    const states = new Set(a.places.map(stateOf).filter((s): s is string => s !== null));
    if (states.size > 1) several.push(a.id);
    else for (const s of states) inCoa.add(s);
  }
  const es = input.lang === 'es';
  const out: Block[] = [];
  const excluded = several.length === 0 ? '' : ` and not id in (${several.map((id) => JSON.stringify(id)).join(', ')})`;
  if (inCoa.size >= MIN_STATES_FOR_MAP && excluded.length < 3_000) {
    const L = LABELS[input.lang];
    const data: MapDatum[] = [];
    for (const code of [...inCoa].sort()) {
      const state = input.states.get(code)!;
      const figure = await book.figure(`sum(women where coa = "${coa}" and place = "${code}"${excluded})`);
      const rate =
        figure.value !== null && state.populationWomen
          ? Math.round((figure.value / state.populationWomen) * 100_000 * 10) / 10
          : null;
      data.push({ code, name: state.name, figure, ratePer100kWomen: rate });
    }
    out.push({
      kind: 'map',
      id: `map-${coa}`,
      title: `${L.byEntity(L.women)} — ${es ? 'línea de acción' : 'course of action'} ${coa}`,
      metric: L.women,
      data,
    });
  }
  const severalIds = several.map((id) => JSON.stringify(id)).join(', ');
  const titles = several.map((id) => roots.get(id)?.title[input.lang] ?? id);
  const shown = titles.length > 3 ? [...titles.slice(0, 3), '…'] : titles;
  if (several.length > 0 && severalIds.length > 3_000)
    // Too many records to name in one formula: said in words, with no figure that could not be traced.
    out.push({
      kind: 'paragraph',
      id: `map-several-${coa}`,
      label: null,
      parts: [
        {
          kind: 'text',
          text: es
            ? `Los registros que abarcan más de una entidad federativa sin desglose por entidad (${shown.join('; ')}) no se atribuyen a ninguna entidad del mapa.`
            : `Records that cover more than one federal entity with no breakdown by entity (${shown.join('; ')}) are not attributed to any entity of the map.`,
        },
      ],
    });
  else if (several.length > 0) {
    const figure = await book.figure(`sum(women where id in (${severalIds}))`);
    out.push({
      kind: 'paragraph',
      id: `map-several-${coa}`,
      label: null,
      parts: [
        { kind: 'text', text: es ? 'Varias entidades: ' : 'Several entities: ' },
        { kind: 'figure', figure },
        {
          kind: 'text',
          text: es
            ? ` mujeres en registros que abarcan más de una entidad federativa sin desglose por entidad (${shown.join('; ')}); no se atribuyen a ninguna entidad del mapa.`
            : ` women in records that cover more than one federal entity with no breakdown by entity (${shown.join('; ')}); they are not attributed to any entity of the map.`,
        },
      ],
    });
  }
  return out;
}
