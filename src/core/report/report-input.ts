import type { PlanCatalog } from '../model/catalog.js';
import type { Lang } from '../model/kinds.js';
import type { FigureSource } from '../expressions/index.js';
import type { Finding } from '../rules/index.js';
import type { PeriodFile } from '../schemas/period.schema.js';
import type { PlanFile } from '../schemas/plan.schema.js';
import type { FigureBook } from './figures.js';
import { activityTree } from './generate/activity-section.js';
import type { GenerateContext } from './generate/activity-text.js';
import type { NoteNames } from './note-words.js';

export interface ReportInput {
  plan: PlanFile;
  catalog: PlanCatalog;
  period: PeriodFile;
  source: FigureSource;
  findings: readonly Finding[];
  lang: Lang;
  status: 'draft' | 'published';
  /** Mexico's federal entities (or a plan's states): code → name and women in the 2020 census. */
  states: ReadonlyMap<string, { name: string; populationWomen: number | null }>;
  /** Number of records the period holds (for the methodology note). */
  recordCount: number;
  /** Names of the places the period's records name (municipalities, countries), code → name. */
  placeNames?: ReadonlyMap<string, string>;
  /** How the source document's stated numbers are backed (from the checker), when the period has any. */
  claims?: { total: number; derived: number; verified: number; transcribed: number; unsupported: number };
  /** File name of the provenance companion published with the report, named in the notes annex. */
  companionFile?: string;
}

/** Courses of action in the plan's order (pillar, goal, number). */
export function orderedCourses(plan: PlanFile): string[] {
  const out: string[] = [];
  for (const pillar of [...plan.pillars].sort((a, b) => a.number - b.number))
    for (const goal of plan.goals.filter((g) => g.pillar === pillar.code).sort((a, b) => a.number - b.number))
      for (const coa of plan.coursesOfAction.filter((c) => c.goal === goal.code).sort((a, b) => a.number - b.number))
        out.push(coa.code);
  return out;
}

/** What the text templates need: the report's figures, institution and place names, the record tree. */
export function generateContext(input: ReportInput, book: FigureBook): GenerateContext {
  const { plan, lang } = input;
  const tree = activityTree(input.period);
  return {
    lang,
    year: input.period.period.year,
    figure: (e) => book.figure(e),
    institution: (code) => {
      const i = plan.institutions.find((x) => x.code === code);
      return i ? { acronym: i.acronym, name: i.name[lang] } : null;
    },
    placeName: (code) => placeName(input, code) ?? code,
    descendants: tree.descendants,
  };
}

function placeName(input: ReportInput, code: string): string | null {
  return (
    input.states.get(code)?.name ??
    input.placeNames?.get(code) ??
    input.plan.places.find((p) => p.code === code)?.name[input.lang] ??
    null
  );
}

/** Titles and names for the source notes' words. */
export function noteNames(input: ReportInput): NoteNames {
  const titles = new Map(input.period.activities.map((a) => [a.id, a.title[input.lang]] as const));
  const units = new Map(input.period.activities.map((a) => [a.id, a.unit] as const));
  const children = input.period.activities.filter((a) => a.parent !== null && a.unit !== null);
  return {
    activity: (id) => titles.get(id) ?? null,
    // A parent without a unit of its own takes its children's ("networks" per federal entity).
    unit: (id) => units.get(id) ?? children.find((c) => c.parent === id)?.unit ?? null,
    institution: (code) => input.plan.institutions.find((i) => i.code === code)?.acronym ?? null,
    place: (code) => placeName(input, code),
  };
}
