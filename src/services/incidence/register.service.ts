/**
 * A published monthly bulletin is an activity of the SSPC in the NAP (Protection pillar, course of
 * action 3.1): one publication record per month, with its link, under one record for the year's
 * series, so that the Report of Activities counts the reports from records ("twelve monthly reports").
 */
import type { Kysely } from 'kysely';
import type { SubmissionState } from '../../core/model/access.js';
import { activitySchema, type Activity } from '../../core/schemas/period.schema.js';
import { formatLongDate, MONTH_NAMES } from '../../core/incidence/bulletin-text.js';
import { parseMonth } from '../../core/incidence/vocabulary.js';
import { readActivities, writeActivities } from '../../db/repositories/activity.repository.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { readSubmissionState } from '../../db/repositories/submission.repository.js';
import { ensurePeriod } from '../../db/repositories/period.repository.js';
import type { DB } from '../../db/tables/schema.js';

export const REPORTING_INSTITUTION = 'SSPC';
export const COURSE_OF_ACTION = '3.1';

export const seriesRecordId = (year: number) => `sspc-${year}-vaw-monthly-reports`;
export const monthRecordId = (month: string) => `sspc-${month.slice(0, 4)}-vaw-monthly-report-${month.slice(5)}`;

export interface Registration {
  /** created / updated / unchanged; locked: the SSPC submission of that year is closed; skipped: no plan, institution or course of action. */
  action: 'created' | 'updated' | 'unchanged' | 'locked' | 'skipped';
  recordId: string | null;
  message: { es: string; en: string };
}

async function submissionState(trx: Kysely<DB>, year: number): Promise<SubmissionState> {
  return ((await readSubmissionState(trx, REPORTING_INSTITUTION, year)) as SubmissionState | null) ?? 'draft';
}

/** Writes (or updates) the month's record, inside the publication's transaction. */
export async function registerBulletin(
  trx: Kysely<DB>,
  o: { month: string; link: string; publishedAt: string; actorId: string | null },
): Promise<Registration> {
  const { year, month } = parseMonth(o.month)!;
  const institution = await trx
    .selectFrom('institution')
    .select('code')
    .where('code', '=', REPORTING_INSTITUTION)
    .executeTakeFirst();
  const coa = await trx
    .selectFrom('course_of_action')
    .select('code')
    .where('code', '=', COURSE_OF_ACTION)
    .executeTakeFirst();
  if (!institution || !coa)
    return {
      action: 'skipped',
      recordId: null,
      message: {
        es: `el plan cargado no tiene la institución ${REPORTING_INSTITUTION} o la línea de acción ${COURSE_OF_ACTION}: el reporte no se registró como actividad`,
        en: `the loaded plan has no institution ${REPORTING_INSTITUTION} or course of action ${COURSE_OF_ACTION}: the report was not registered as an activity`,
      },
    };
  const state = await submissionState(trx, year);
  // QUALITY A4: a submitted or approved submission is locked, for this write too.
  if (state !== 'draft' && state !== 'returned')
    return {
      action: 'locked',
      recordId: null,
      message: {
        es: `el informe de ${REPORTING_INSTITUTION} de ${year} está ${state === 'approved' ? 'aprobado' : 'enviado'}: reábralo y vuelva a publicar para registrar el reporte como actividad`,
        en: `${REPORTING_INSTITUTION}'s ${year} submission is ${state}: reopen it and publish again to register the report as an activity`,
      },
    };
  await ensurePeriod(trx, year);
  const seriesId = seriesRecordId(year);
  const id = monthRecordId(o.month);
  const [series] = await readActivities(trx, { ids: [seriesId] });
  if (series && series.quantity !== null)
    return {
      action: 'skipped',
      recordId: null,
      message: {
        es: `el registro ${seriesId} ya declara ${series.quantity} reportes: los reportes del año no se registran uno por uno`,
        en: `record ${seriesId} already states ${series.quantity} reports: the year's reports are not registered one by one`,
      },
    };
  const base = {
    kind: 'publication',
    institution: REPORTING_INSTITUTION,
    coursesOfAction: [COURSE_OF_ACTION],
    places: ['MX'],
    items: [
      { es: 'feminicidio', en: 'femicide' },
      { es: 'violación', en: 'rape' },
      { es: 'trata de personas', en: 'human trafficking' },
      { es: 'violencia familiar', en: 'domestic violence' },
    ],
  };
  const records: Activity[] = [];
  if (!series)
    records.push(
      activitySchema.parse({
        ...base,
        id: seriesId,
        order: 2190,
        title: {
          es: `Reportes mensuales sobre la incidencia de violencia contra las mujeres, ${year}`,
          en: `Monthly reports on the incidence of violence against women, ${year}`,
        },
        summary: {
          es: 'Reportes con desglose nacional y estatal de los delitos de alto impacto contra las mujeres (feminicidio, violación, trata de personas, violencia familiar), elaborados con los datos abiertos del SESNSP.',
          en: 'Reports with a national and state-level breakdown of high-impact crimes against women (femicide, rape, human trafficking, domestic violence), prepared from the SESNSP open data.',
        },
      }),
    );
  const day = o.publishedAt.slice(0, 10);
  records.push(
    activitySchema.parse({
      ...base,
      id,
      parent: seriesId,
      order: month,
      title: {
        es: `Reporte mensual sobre la incidencia de violencia contra las mujeres: ${MONTH_NAMES.es[month - 1]} de ${year}`,
        en: `Monthly report on the incidence of violence against women: ${MONTH_NAMES.en[month - 1]} ${year}`,
      },
      summary: {
        es: `Publicado el ${formatLongDate(day, 'es')}.`,
        en: `Published on ${formatLongDate(day, 'en')}.`,
      },
      dates: [{ start: day, end: day }],
      quantity: 1,
      unit: 'reports',
      evidence: [o.link],
    }),
  );
  const [before] = await readActivities(trx, { ids: [id] });
  const counts = await writeActivities(trx, year, records);
  const action =
    counts.created > 0 && !before ? 'created' : counts.updated > 0 || counts.created > 0 ? 'updated' : 'unchanged';
  if (action !== 'unchanged')
    await appendAudit(trx, {
      actorId: o.actorId,
      institution: REPORTING_INSTITUTION,
      action: before ? 'activity.update' : 'activity.create',
      entity: 'activity',
      entityId: id,
      ...(before ? { before } : {}),
      after: { period: year, ...records.at(-1)! },
    });
  return {
    action,
    recordId: id,
    message: {
      es: `registrado como actividad ${id} de ${REPORTING_INSTITUTION} (${year})`,
      en: `registered as ${REPORTING_INSTITUTION} activity ${id} (${year})`,
    },
  };
}
