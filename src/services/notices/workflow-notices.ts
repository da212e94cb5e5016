import type { SubmissionAction } from '../../core/model/access.js';
import type { Database } from '../../db/create-db.js';
import { asState } from '../accounts/access.service.js';
import type { NoticeSettings } from './mailer.js';
import { notify, peopleOf, peopleWithRole, type NoticeText } from './notice.service.js';

const INSTITUTION_PEOPLE = ['editor', 'viewer'] as const;
const COORDINATION = ['coordinator'] as const;

function quoted(text: string | null | undefined, lang: 'es' | 'en'): string {
  if (!text) return '';
  return lang === 'es' ? ` Comentario: «${text}».` : ` Comment: "${text}".`;
}

/**
 * The notice of a workflow step: the institution's people hear of a return, an approval or a
 * reopening; the coordination hears of a submission. Returns when the notices are recorded; the
 * e-mails go on in the background (`delivered`).
 */
export async function noticeOfTransition(
  database: Database,
  settings: NoticeSettings,
  step: {
    ministry: string;
    year: number;
    action: SubmissionAction;
    comment?: string | null;
    reason?: string | null;
    recordComments?: number;
  },
  now = new Date(),
): Promise<{ delivered: Promise<void> }> {
  const { ministry, year, action } = step;
  const name = `${ministry} ${year}`;
  const base = { institution: ministry, period: year, dedupeKey: `${action}:${ministry}:${year}:${now.toISOString()}` };
  const rc = step.recordComments ?? 0;
  const notes: Record<SubmissionAction, Omit<NoticeText, 'institution' | 'period' | 'dedupeKey'>> = {
    submit: {
      kind: 'submitted',
      title: { es: `${ministry} envió su información de ${year}`, en: `${ministry} sent its ${year} information` },
      body: {
        es: `El envío de ${name} espera su revisión.${quoted(step.comment, 'es')}`,
        en: `The ${name} submission is waiting for your review.${quoted(step.comment, 'en')}`,
      },
      link: `/app/review?period=${year}`,
    },
    return: {
      kind: 'returned',
      title: { es: `Devuelto: envío de ${name}`, en: `Returned: ${name} submission` },
      body: {
        es: `La coordinación devolvió el envío para que lo corrija.${quoted(step.comment, 'es')}${rc > 0 ? ` Además comentó ${rc === 1 ? '1 registro' : `${rc} registros`}.` : ''} Corrija y vuelva a enviar.`,
        en: `The coordination returned the submission for correction.${quoted(step.comment, 'en')}${rc > 0 ? ` It also commented on ${rc === 1 ? '1 record' : `${rc} records`}.` : ''} Correct it and send it again.`,
      },
      link: `/app/submission?period=${year}`,
    },
    approve: {
      kind: 'approved',
      title: { es: `Aprobado: envío de ${name}`, en: `Approved: ${name} submission` },
      body: {
        es: `La coordinación aprobó el envío; sus registros quedan bloqueados.${quoted(step.comment, 'es')}`,
        en: `The coordination approved the submission; its records are now locked.${quoted(step.comment, 'en')}`,
      },
      link: `/app/submission?period=${year}`,
    },
    reopen: {
      kind: 'reopened',
      title: { es: `Reabierto: envío de ${name}`, en: `Reopened: ${name} submission` },
      body: {
        es: `La coordinación reabrió el envío; sus registros se pueden cambiar de nuevo. Motivo: «${step.reason ?? ''}».`,
        en: `The coordination reopened the submission; its records can be changed again. Reason: "${step.reason ?? ''}".`,
      },
      link: `/app/submission?period=${year}`,
    },
  };
  const to =
    action === 'submit'
      ? await peopleWithRole(database, COORDINATION)
      : await peopleOf(database, ministry, INSTITUTION_PEOPLE);
  const { delivered } = await notify(database, settings, to, { ...base, ...notes[action] }, now);
  return { delivered };
}

const DAY = 86_400_000;

/** "31 de marzo de 2023" / "March 31, 2023". */
function longDate(iso: string, lang: 'es' | 'en'): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/**
 * Deadline reminders for every open submission (draft or returned): 7 days before, 1 day before and
 * once passed, each sent once per deadline to the ministry's editors. Safe to run as often as wanted.
 */
export async function sendDeadlineNotices(
  database: Database,
  settings: NoticeSettings,
  now = new Date(),
): Promise<{ created: number; delivered: Promise<void> }> {
  const [periods, submissions, ministries] = await Promise.all([
    database.db.selectFrom('period').select(['year', 'deadline']).execute(),
    database.db.selectFrom('submission').select(['institution_code', 'period_year', 'state', 'deadline']).execute(),
    database.db.selectFrom('institution').select('code').where('parent_code', 'is', null).execute(),
  ]);
  const published = new Set(
    (await database.db.selectFrom('publication').select('period_year').execute()).map((p) => p.period_year),
  );
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  let created = 0;
  const deliveries: Promise<void>[] = [];
  for (const p of periods) {
    if (published.has(p.year)) continue;
    for (const m of ministries) {
      const sub = submissions.find((s) => s.institution_code === m.code && s.period_year === p.year);
      const state = sub ? asState(sub.state) : 'draft';
      const deadline = sub?.deadline ?? p.deadline;
      if (deadline === null || (state !== 'draft' && state !== 'returned')) continue;
      const days = Math.round((Date.parse(`${deadline}T00:00:00Z`) - today) / DAY);
      const stage = days < 0 ? 'passed' : days <= 1 ? '1' : days <= 7 ? '7' : null;
      if (stage === null) continue;
      const name = `${m.code} ${p.year}`;
      const title =
        stage === 'passed'
          ? { es: `Venció la fecha límite de ${name}`, en: `The ${name} deadline has passed` }
          : stage === '1'
            ? { es: `Mañana vence la fecha límite de ${name}`, en: `The ${name} deadline is tomorrow` }
            : { es: `Faltan ${days} días para la fecha límite de ${name}`, en: `${days} days to the ${name} deadline` };
      const r = await notify(
        database,
        settings,
        await peopleOf(database, m.code, ['editor']),
        {
          kind: `deadline-${stage}`,
          dedupeKey: `deadline-${stage}:${m.code}:${p.year}:${deadline}`,
          institution: m.code,
          period: p.year,
          title,
          body: {
            es: `La fecha límite para enviar la información de ${p.year} es el ${longDate(deadline, 'es')}. El envío aún no se ha hecho.`,
            en: `The deadline to send the ${p.year} information is ${longDate(deadline, 'en')}. The submission has not been sent yet.`,
          },
          link: `/app/submission?period=${p.year}`,
        },
        now,
      );
      created += r.created;
      deliveries.push(r.delivered);
    }
  }
  return { created, delivered: Promise.all(deliveries).then(() => undefined) };
}
