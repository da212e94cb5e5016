import { AppError } from '../../core/errors.js';
import type { ActivityKind } from '../../core/model/kinds.js';
import type { LocalizedText } from '../../core/schemas/common.schema.js';
import type { Activity } from '../../core/schemas/period.schema.js';
import type { Database } from '../../db/create-db.js';
import { loadPublishedData, type PublishedData } from './published-data.js';

function notPublished(id: string): AppError {
  return new AppError('not_found', `record ${id} is not published`, {
    es: `el registro «${id}» no existe o no está publicado`,
    en: `record "${id}" does not exist or is not published`,
  });
}

/** A published record's courses of action: its own, or the nearest published ancestor's. */
async function effectiveCoursesOfAction(data: PublishedData, a: Activity): Promise<string[]> {
  let cur: Activity | undefined = a;
  const seen = new Set<string>();
  while (cur && cur.coursesOfAction.length === 0 && cur.parent !== null && !seen.has(cur.id)) {
    seen.add(cur.id);
    cur = (await data.activities({ ids: [cur.parent] }))[0]?.activity;
  }
  return cur?.coursesOfAction ?? [];
}

const total = (x: { women: number | null; men: number | null; notRecorded: number | null }) =>
  x.women === null && x.men === null && x.notRecorded === null
    ? null
    : (x.women ?? 0) + (x.men ?? 0) + (x.notRecorded ?? 0);

/** One published record with its parent and children; 404 when it is not published. Reads only those. */
export async function readPublicRecord(database: Database, id: string) {
  const data = await loadPublishedData(database);
  const found = (await data.activities({ ids: [id] }))[0];
  if (!found) throw notPublished(id);
  const a = found.activity;
  const childIds = (
    await database.db
      .selectFrom('activity as c')
      .innerJoin('public_activity as p', 'p.activity_id', 'c.id')
      .select('c.id')
      .where('c.parent_id', '=', id)
      .execute()
  ).map((r) => r.id);
  const [parent, children, coursesOfAction] = await Promise.all([
    a.parent === null ? Promise.resolve(undefined) : data.activities({ ids: [a.parent] }).then((r) => r[0]),
    data.activities({ ids: childIds }),
    effectiveCoursesOfAction(data, a),
  ]);
  const inst = new Map(data.plan.institutions.map((i) => [i.code, i]));
  const coas = new Map(data.plan.coursesOfAction.map((c) => [c.code, c]));
  const places = new Map(data.plan.places.map((p) => [p.code, p.name]));
  const placeName = (code: string): LocalizedText => {
    const s = data.states.get(code);
    return s ? { es: s.name_es, en: s.name_en } : (places.get(code) ?? { es: code, en: code });
  };
  const institution = inst.get(a.institution);
  const { modality, mission, ugpsCategory, networkAction, fund, forum, role, provider, partners, audience } =
    a.attributes;
  return {
    id: a.id,
    period: found.period,
    kind: a.kind,
    institution: {
      code: a.institution,
      acronym: institution?.acronym ?? a.institution,
      name: institution?.name ?? { es: a.institution, en: a.institution },
    },
    ministry: data.ministryOf(a.institution),
    coursesOfAction: coursesOfAction.map((c) => ({ code: c, text: coas.get(c)?.text ?? { es: c, en: c } })),
    title: a.title,
    summary: a.summary,
    dates: a.dates,
    places: a.places.map((p) => ({ code: p, name: placeName(p) })),
    women: a.women,
    men: a.men,
    notRecorded: a.notRecorded,
    total: total(a),
    quantity: a.quantity,
    unit: a.unit,
    measures: a.measures,
    items: a.items,
    attributes: { modality, mission, ugpsCategory, networkAction, fund, forum, role, provider, partners, audience },
    evidence: a.evidence,
    parent: parent ? { id: parent.activity.id, title: parent.activity.title } : null,
    children: children.map(({ activity: c }) => ({
      id: c.id,
      title: c.title,
      women: c.women,
      men: c.men,
      notRecorded: c.notRecorded,
      total: total(c),
      quantity: c.quantity,
      unit: c.unit,
    })),
  };
}

/** The most records one page of the public list holds. */
export const MAX_RECORDS_PAGE = 200;

export interface RecordListQuery {
  period?: number;
  kind?: string;
  institution?: string;
  limit: number;
  offset: number;
}

/**
 * One page of the published records, in document order (period, then the document's order), with the
 * number of records the filters select. Reads that page only (`public_activity` joined to `activity`).
 */
export async function listPublicRecords(database: Database, q: RecordListQuery) {
  const data = await loadPublishedData(database);
  const limit = Math.min(Math.max(q.limit, 1), MAX_RECORDS_PAGE);
  const offset = Math.max(q.offset, 0);
  let base = database.db.selectFrom('public_activity as p').innerJoin('activity as a', 'a.id', 'p.activity_id');
  if (q.period !== undefined) base = base.where('p.period_year', '=', q.period);
  if (q.kind !== undefined) base = base.where('a.kind', '=', q.kind);
  if (q.institution !== undefined) base = base.where('a.institution_code', '=', q.institution);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
    base
      .select([
        'a.id',
        'a.period_year',
        'a.kind',
        'a.institution_code',
        'a.title_es',
        'a.title_en',
        'a.women',
        'a.men',
        'a.not_recorded',
      ])
      .orderBy('a.period_year')
      .orderBy('a.sort_order')
      .orderBy('a.id')
      .limit(limit)
      .offset(offset)
      .execute(),
  ]);
  return {
    total: Number(count?.n ?? 0),
    offset,
    limit,
    items: rows.map((r) => ({
      id: r.id,
      period: r.period_year,
      kind: r.kind as ActivityKind,
      institution: r.institution_code,
      ministry: data.ministryOf(r.institution_code),
      title: { es: r.title_es, en: r.title_en },
      women: r.women,
      men: r.men,
      notRecorded: r.not_recorded,
      total: total({ women: r.women, men: r.men, notRecorded: r.not_recorded }),
    })),
  };
}
