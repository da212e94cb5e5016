/** Shared by the generate/ unit tests: a real FigureBook over in-memory records of a small plan. */
import { createMemorySource } from '../../expressions/index.js';
import type { PlanCatalog } from '../../model/catalog.js';
import { activitiesPeriodFile, emptyActivity } from '../../model/empty-records.js';
import type { Lang } from '../../model/kinds.js';
import { toFigureRecords } from '../../model/figure-records.js';
import type { Activity, PeriodFile } from '../../schemas/period.schema.js';
import type { Inline } from '../document.js';
import { FigureBook } from '../figures.js';
import { activityTree } from './activity-section.js';
import type { GenerateContext } from './activity-text.js';

export const CATALOG: PlanCatalog = {
  planId: 'test',
  institutions: new Map([
    ['SEMAR', null],
    ['SSPC', null],
    ['SSPC-GN', 'SSPC'],
  ]),
  coursesOfAction: new Map([
    ['1.1', '1'],
    ['2.1', '2'],
  ]),
  goals: new Map([
    ['1', '1'],
    ['2', '2'],
  ]),
  pillars: new Set(['1', '2']),
  places: new Map<string, string | null>([
    ['MX', null],
    ['MX-05', 'MX'],
    ['MX-07', 'MX'],
    ['MX-30', 'MX'],
  ]),
  indicators: new Set(),
};

const NAMES: Record<string, { acronym: string; es: string; en: string }> = {
  SEMAR: { acronym: 'SEMAR', es: 'Secretaría de Marina', en: 'Secretariat of the Navy' },
  SSPC: { acronym: 'SSPC', es: 'Secretaría de Seguridad y Protección Ciudadana', en: 'Secretariat of Security' },
  'SSPC-GN': { acronym: 'GN', es: 'Guardia Nacional', en: 'National Guard' },
};
const PLACES: Record<string, { es: string; en: string }> = {
  'MX-05': { es: 'Coahuila', en: 'Coahuila' },
  'MX-07': { es: 'Chiapas', en: 'Chiapas' },
  'MX-30': { es: 'Veracruz', en: 'Veracruz' },
};

export function activity(a: Partial<Activity> & { id: string }): Activity {
  return {
    ...emptyActivity({
      id: a.id,
      kind: 'training',
      institution: 'SEMAR',
      title: { es: `Actividad ${a.id}`, en: `Activity ${a.id}` },
    }),
    coursesOfAction: a.parent ? [] : ['1.1'],
    ...a,
  };
}

export function period(activities: Activity[], year = 2023): PeriodFile {
  return activitiesPeriodFile('test', year, activities);
}

/** A generation context over the records, with the FigureBook whose notes the figures point at. */
export function context(
  activities: Activity[],
  lang: Lang,
  year = 2023,
  previous: Activity[] = [],
): { ctx: GenerateContext; book: FigureBook } {
  const records = toFigureRecords([
    ...activities.map((a) => ({ period: year, activity: a })),
    ...previous.map((a) => ({ period: year - 1, activity: a })),
  ]);
  const book = new FigureBook(createMemorySource(records, CATALOG), CATALOG, year, lang);
  const tree = activityTree(period(activities, year));
  return {
    book,
    ctx: {
      lang,
      year,
      figure: (e) => book.figure(e),
      institution: (code) => {
        const n = NAMES[code];
        return n ? { acronym: n.acronym, name: n[lang] } : null;
      },
      placeName: (code) => PLACES[code]?.[lang] ?? code,
      descendants: tree.descendants,
    },
  };
}

/** Inline parts as the reader sees them; figures marked [n] with their note when `marks`. */
export function plain(parts: readonly Inline[], marks = false): string {
  return parts
    .map((p) => (p.kind === 'figure' ? (marks ? `${p.figure.text}[${p.figure.note}]` : p.figure.text) : p.text))
    .join('');
}
