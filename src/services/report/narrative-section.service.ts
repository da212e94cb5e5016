import { ministryOf } from '../../core/model/access.js';
import type { Lang } from '../../core/model/kinds.js';
import type { PlanFile } from '../../core/schemas/plan.schema.js';
import type { Block, Inline, TableCell } from '../../core/report/document.js';
import { FigureBook } from '../../core/report/figures.js';
import { activityTree, courseActivities, homeCourse } from '../../core/report/generate/activity-section.js';
import type { GenerateContext } from '../../core/report/generate/activity-text.js';
import type { Database } from '../../db/create-db.js';
import { readPeriodFile } from '../../db/repositories/period.repository.js';
import type { Figures } from '../check/figure-context.js';

/**
 * The text the compiled report generates from the records for one course of action, activity by
 * activity (issue 9 §2): what a narrative block introduces or replaces. It is produced by the same
 * functions the report uses (`core/report/generate`), as if no block covered any activity, and each
 * activity says which stored block or table covers it today.
 */

const LANGS: readonly Lang[] = ['es', 'en'];

export interface GeneratedTable {
  title: string;
  columns: string[];
  rows: string[][];
  total: string[] | null;
}

export interface GeneratedActivity {
  id: string;
  institution: string;
  title: { es: string; en: string };
  /** The course of action whose section prints the activity's full text (elsewhere: a cross-reference here). */
  home: string | null;
  /** Whether its ministry's submission for the period is approved: only then does the published report print it. */
  approved: boolean;
  /** Stored narrative blocks and tables that name the activity: their text stands in for the generated one. */
  coveredBy: { kind: 'block' | 'table'; id: string }[];
  text: { es: string; en: string };
  table: { es: GeneratedTable; en: GeneratedTable } | null;
}

export interface GeneratedSection {
  section: string;
  activities: GeneratedActivity[];
}

const inlineText = (parts: readonly Inline[]): string =>
  parts.map((p) => (p.kind === 'figure' ? p.figure.text : p.text)).join('');
const cellText = (c: TableCell): string => (c.kind === 'figure' ? c.figure.text : c.text);

/** Courses of action in the plan's order (pillar, goal, number), as the report ranks an activity's home. */
export function coursesInOrder(plan: PlanFile): string[] {
  const byNumber = <T extends { number: number }>(a: T, b: T) => a.number - b.number;
  return [...plan.pillars]
    .sort(byNumber)
    .flatMap((p) => plan.goals.filter((g) => g.pillar === p.code).sort(byNumber))
    .flatMap((g) => plan.coursesOfAction.filter((c) => c.goal === g.code).sort(byNumber))
    .map((c) => c.code);
}

/** The generated text of a section's activities in both languages; sections other than a course of action have none. */
export async function generatedSection(
  database: Database,
  figures: Figures,
  period: number,
  section: string,
): Promise<GeneratedSection> {
  if (!section.startsWith('coa:')) return { section, activities: [] };
  const coa = section.slice(4);
  const { plan } = figures;
  const file = await readPeriodFile(database.db, plan.id, period);
  if (!file) return { section, activities: [] };
  const tree = activityTree(file);
  const uncovered = { ...tree, covered: () => false };
  const own = tree.roots.filter((a) => a.coursesOfAction.includes(coa));
  const codes = [...new Set(own.flatMap((a) => [a, ...tree.descendants(a.id)]).flatMap((a) => a.places))];
  const places =
    codes.length === 0
      ? []
      : await database.db
          .selectFrom('place')
          .select(['code', 'name_es', 'name_en'])
          .where('code', 'in', codes)
          .execute();
  const approved = new Set(
    (
      await database.db
        .selectFrom('submission')
        .select('institution_code')
        .where('period_year', '=', period)
        .where('state', '=', 'approved')
        .execute()
    ).map((r) => r.institution_code),
  );
  const coaOrder = coursesInOrder(plan);
  const institutionOrder = plan.institutions.map((i) => i.code);
  const byLang = {} as Record<Lang, Block[]>;
  for (const lang of LANGS) {
    const book = new FigureBook(figures.source, figures.catalog, period, lang);
    const ctx: GenerateContext = {
      lang,
      year: period,
      figure: (e) => book.figure(e),
      institution: (code) => {
        const i = plan.institutions.find((x) => x.code === code);
        return i ? { acronym: i.acronym, name: i.name[lang] } : null;
      },
      placeName: (code) => {
        const p = places.find((x) => x.code === code);
        return (
          (p && (lang === 'es' ? p.name_es : p.name_en)) ?? plan.places.find((x) => x.code === code)?.name[lang] ?? code
        );
      },
      descendants: tree.descendants,
    };
    byLang[lang] = await courseActivities(coa, uncovered, coaOrder, institutionOrder, ctx);
  }
  const paragraphOf = (blocks: Block[], id: string): string => {
    const b = blocks.find((x) => x.kind === 'paragraph' && (x.id === `gen-${id}` || x.id === `coa-${coa}-see-${id}`));
    return b?.kind === 'paragraph' ? inlineText(b.parts) : '';
  };
  const tableOf = (blocks: Block[], id: string): GeneratedTable | null => {
    const b = blocks.find((x) => x.kind === 'table' && x.id === `gen-table-${id}`);
    if (b?.kind !== 'table') return null;
    return {
      title: b.title,
      columns: b.columns.map((c) => c.label),
      rows: b.rows.map((r) => r.map(cellText)),
      total: b.total ? b.total.map(cellText) : null,
    };
  };
  const namers = [
    ...file.narratives.map((n) => ({ kind: 'block' as const, id: n.id, ids: n.activities ?? [] })),
    ...file.tables.map((t) => ({ kind: 'table' as const, id: t.id, ids: t.activities ?? [] })),
  ];
  return {
    section,
    activities: own.map((a) => {
      const es = tableOf(byLang.es, a.id);
      const en = tableOf(byLang.en, a.id);
      return {
        id: a.id,
        institution: a.institution,
        title: a.title,
        home: homeCourse(a, coaOrder),
        approved: approved.has(ministryOf(a.institution, figures.catalog.institutions)),
        coveredBy: namers.filter((n) => n.ids.includes(a.id)).map(({ kind, id }) => ({ kind, id })),
        text: { es: paragraphOf(byLang.es, a.id), en: paragraphOf(byLang.en, a.id) },
        table: es && en ? { es, en } : null,
      };
    }),
  };
}
