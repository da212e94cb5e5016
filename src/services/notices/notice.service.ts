import { randomUUID } from 'node:crypto';
import { ministryOf, type Actor } from '../../core/model/access.js';
import type { Database } from '../../db/create-db.js';
import { requireSignedIn } from '../accounts/access.service.js';
import type { NoticeSettings } from './mailer.js';

/** What a notice says, in both languages, and where it leads (an application path without the language). */
export interface NoticeText {
  kind: string;
  /** One notice per person and key: a deadline reminder is never sent twice. */
  dedupeKey: string;
  institution: string | null;
  period: number | null;
  title: { es: string; en: string };
  body: { es: string; en: string };
  link: string;
}

export interface NoticeView {
  id: string;
  kind: string;
  title: { es: string; en: string };
  body: { es: string; en: string };
  link: string;
  createdAt: string;
  read: boolean;
}

/** Active people of a ministry (its units included) with the given roles. */
export async function peopleOf(database: Database, ministry: string, roles: readonly string[]): Promise<string[]> {
  const [users, institutions] = await Promise.all([
    database.db.selectFrom('app_user').select(['id', 'role', 'institution_code', 'active']).execute(),
    database.db.selectFrom('institution').select(['code', 'parent_code']).execute(),
  ]);
  const parents = new Map(institutions.map((i) => [i.code, i.parent_code]));
  return users
    .filter(
      (u) =>
        u.active === 1 &&
        roles.includes(u.role) &&
        u.institution_code !== null &&
        ministryOf(u.institution_code, parents) === ministry,
    )
    .map((u) => u.id);
}

/** Active people with one of the roles, whatever their institution (the coordination). */
export async function peopleWithRole(database: Database, roles: readonly string[]): Promise<string[]> {
  const rows = await database.db.selectFrom('app_user').select(['id', 'role', 'active']).execute();
  return rows.filter((u) => u.active === 1 && roles.includes(u.role)).map((u) => u.id);
}

/**
 * Records a notice for each person (once per dedupe key) and e-mails it when a mailer is set. The
 * in-app notice is written first and stands whether or not the e-mail goes out; the returned promise
 * settles when every e-mail has been handed to the SMTP server (or failed, reported to onError).
 */
export async function notify(
  database: Database,
  settings: NoticeSettings,
  userIds: readonly string[],
  notice: NoticeText,
  now = new Date(),
): Promise<{ created: number; delivered: Promise<void> }> {
  const fresh: string[] = [];
  const ts = now.toISOString();
  for (const userId of [...new Set(userIds)]) {
    const seen = await database.db
      .selectFrom('notification')
      .select('id')
      .where('user_id', '=', userId)
      .where('dedupe_key', '=', notice.dedupeKey)
      .executeTakeFirst();
    if (seen) continue;
    const id = randomUUID();
    await database.db
      .insertInto('notification')
      .values({
        id,
        user_id: userId,
        kind: notice.kind,
        dedupe_key: notice.dedupeKey,
        institution_code: notice.institution,
        period_year: notice.period,
        title_es: notice.title.es,
        title_en: notice.title.en,
        body_es: notice.body.es,
        body_en: notice.body.en,
        link: notice.link,
        created_at: ts,
        read_at: null,
        emailed_at: null,
      })
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .execute();
    fresh.push(id);
  }
  return { created: fresh.length, delivered: email(database, settings, fresh, notice) };
}

async function email(database: Database, settings: NoticeSettings, ids: string[], notice: NoticeText): Promise<void> {
  const { mailer } = settings;
  if (!mailer || ids.length === 0) return;
  const rows = await database.db
    .selectFrom('notification')
    .innerJoin('app_user', 'app_user.id', 'notification.user_id')
    .select(['notification.id', 'app_user.email'])
    .where('notification.id', 'in', ids)
    .execute();
  for (const r of rows) {
    try {
      await mailer.send({ to: r.email, subject: mailSubject(notice), text: mailText(notice, settings.publicUrl) });
      await database.db
        .updateTable('notification')
        .set({ emailed_at: new Date().toISOString() })
        .where('id', '=', r.id)
        .execute();
    } catch (e) {
      settings.onError?.(e);
    }
  }
}

export function mailSubject(n: Pick<NoticeText, 'title'>): string {
  return `nap1325: ${n.title.es} / ${n.title.en}`;
}

/** The e-mail's text: Spanish first (the users' working language), then English, each with its link. */
export function mailText(n: Pick<NoticeText, 'title' | 'body' | 'link'>, publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return [
    n.title.es,
    '',
    n.body.es,
    '',
    `Abrir: ${base}/es${n.link}`,
    '',
    '———',
    '',
    n.title.en,
    '',
    n.body.en,
    '',
    `Open: ${base}/en${n.link}`,
    '',
  ].join('\n');
}

/** The signed-in person's latest notices and how many are unread. */
export async function listNotices(
  database: Database,
  actor: Actor,
  limit = 30,
): Promise<{ unread: number; items: NoticeView[] }> {
  const person = requireSignedIn(actor);
  const rows = await database.db
    .selectFrom('notification')
    .selectAll()
    .where('user_id', '=', person.userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return {
    unread: rows.filter((r) => r.read_at === null).length,
    items: rows.slice(0, limit).map((r) => ({
      id: r.id,
      kind: r.kind,
      title: { es: r.title_es, en: r.title_en },
      body: { es: r.body_es, en: r.body_en },
      link: r.link,
      createdAt: r.created_at,
      read: r.read_at !== null,
    })),
  };
}

/** Marks the person's own notices read (the given ones, or all); another person's ids are ignored. */
export async function markNoticesRead(
  database: Database,
  actor: Actor,
  ids: readonly string[] | 'all',
  now = new Date(),
): Promise<{ unread: number }> {
  const person = requireSignedIn(actor);
  let q = database.db
    .updateTable('notification')
    .set({ read_at: now.toISOString() })
    .where('user_id', '=', person.userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return { unread: (await listNotices(database, actor, 0)).unread };
    q = q.where('id', 'in', [...ids]);
  }
  await q.execute();
  return { unread: (await listNotices(database, actor, 0)).unread };
}
