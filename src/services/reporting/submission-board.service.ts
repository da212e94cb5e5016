import { ministryOf, type Actor, type SubmissionState } from '../../core/model/access.js';
import { toFigureRecords } from '../../core/model/figure-records.js';
import { runChecks, summarize, type Severity } from '../../core/rules/index.js';
import type { Database } from '../../db/create-db.js';
import { readPeriodFile } from '../../db/repositories/period.repository.js';
import { asState, requireSignedIn } from '../accounts/access.service.js';
import { openFigures } from '../check/figure-context.js';
import { chunk } from '../../db/repositories/util.js';

/** One line of the coordinator's board: a ministry's submission for a period. */
export interface BoardRow {
  institution: string;
  acronym: string;
  name: { es: string; en: string };
  period: number;
  state: SubmissionState;
  /** Whether the ministry has written anything (a submission row exists). */
  started: boolean;
  /** The ministry's own deadline, else the period's. */
  deadline: string | null;
  /** The deadline has passed and the data is neither submitted nor approved. */
  overdue: boolean;
  records: number;
  /** Checker findings that concern the ministry's records, by severity. */
  findings: Record<Severity, number>;
  /** Per course of action of the plan: whether the ministry answers for it and how many records it has there. */
  coursesOfAction: { code: string; responsible: boolean; records: number }[];
  updatedAt: string | null;
}

/**
 * The board of submissions: every ministry × period for the coordination; an institution's people
 * see only their own ministry (A1).
 */
export async function listBoard(
  database: Database,
  actor: Actor,
  filter: { period?: number } = {},
  now = new Date(),
): Promise<BoardRow[]> {
  const person = requireSignedIn(actor);
  const { db } = database;
  const plan = await db.selectFrom('plan').select('id').executeTakeFirst();
  if (!plan) return [];
  const institutions = await db
    .selectFrom('institution')
    .select(['code', 'acronym', 'parent_code', 'name_es', 'name_en', 'sort_order'])
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  const parents = new Map(institutions.map((i) => [i.code, i.parent_code]));
  const everyone = person.role === 'admin' || person.role === 'coordinator';
  const own = person.institution === null ? null : ministryOf(person.institution, parents);
  const ministries = institutions.filter((i) => i.parent_code === null && (everyone || i.code === own));
  let periodQuery = db.selectFrom('period').select(['year', 'deadline']).orderBy('year', 'desc');
  if (filter.period !== undefined) periodQuery = periodQuery.where('year', '=', filter.period);
  const periods = await periodQuery.execute();
  if (ministries.length === 0 || periods.length === 0) return [];

  const figures = await openFigures(database);
  const submissions = await db.selectFrom('submission').selectAll().execute();
  const coaRows = await db.selectFrom('coa_institution').select(['coa_code', 'institution_code']).execute();
  const coaCodes = figures.plan.coursesOfAction.map((c) => c.code);
  const today = now.toISOString().slice(0, 10);

  const rows: BoardRow[] = [];
  for (const p of periods) {
    // The period's records once; findings may also name records of other periods (year-over-year figures).
    const file = await readPeriodFile(db, figures.plan.id, p.year);
    const findings = file
      ? await runChecks({ plan: figures.plan, catalog: figures.catalog, period: file, source: figures.source })
      : [];
    const activities = file?.activities ?? [];
    const records = toFigureRecords(activities.map((activity) => ({ period: p.year, activity })));
    const ministryOfRecord = new Map(activities.map((a) => [a.id, ministryOf(a.institution, parents)]));
    const elsewhere = [
      ...new Set(findings.flatMap((f) => [...f.recordIds, ...(f.ref === null ? [] : [f.ref])])),
    ].filter((id) => !ministryOfRecord.has(id));
    for (const part of chunk(elsewhere, 500))
      for (const r of await db
        .selectFrom('activity')
        .select(['id', 'institution_code'])
        .where('id', 'in', part)
        .execute())
        ministryOfRecord.set(r.id, ministryOf(r.institution_code, parents));
    for (const m of ministries) {
      const sub = submissions.find((s) => s.institution_code === m.code && s.period_year === p.year);
      const state = sub ? asState(sub.state) : 'draft';
      const deadline = sub?.deadline ?? p.deadline;
      const mine = records.filter((r) => ministryOfRecord.get(r.id) === m.code);
      const concerning = findings.filter((f) =>
        [...f.recordIds, ...(f.ref === null ? [] : [f.ref])].some((id) => ministryOfRecord.get(id) === m.code),
      );
      rows.push({
        institution: m.code,
        acronym: m.acronym,
        name: { es: m.name_es, en: m.name_en },
        period: p.year,
        state,
        started: sub !== undefined,
        deadline,
        overdue: deadline !== null && today > deadline && (state === 'draft' || state === 'returned'),
        records: mine.length,
        findings: summarize(concerning),
        coursesOfAction: coaCodes.map((code) => ({
          code,
          responsible: coaRows.some((c) => c.coa_code === code && ministryOf(c.institution_code, parents) === m.code),
          records: mine.filter((r) => r.coursesOfAction.includes(code)).length,
        })),
        updatedAt: sub?.updated_at ?? null,
      });
    }
  }
  return rows;
}
