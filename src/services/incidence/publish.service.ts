/**
 * Publishing a month's bulletin: the coordinator freezes it — every language and format compiled from
 * the current cuts, stored with its SHA-256 (downloads return exactly those bytes) — registers it as an
 * SSPC activity of the NAP, and the portal shows it. A later publication of the same month (after a
 * newer cut) is version 2, 3 …; the portal shows the latest.
 */
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors.js';
import type { Actor } from '../../core/model/access.js';
import type { Lang } from '../../core/model/kinds.js';
import type { Database } from '../../db/create-db.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import type { Progress } from '../data/import.service.js';
import { BULLETIN_FORMATS, bulletinContentType, compileBulletins, type BulletinFormat } from './bulletin.service.js';
import { loadBulletinFigures, requireMonth } from './figures.service.js';
import { registerBulletin, type Registration } from './register.service.js';

export interface BulletinFileInfo {
  id: string;
  month: string;
  version: number;
  lang: Lang | null;
  format: BulletinFormat;
  fileName: string;
  contentHash: string;
  bytes: number;
  publishedAt: string;
  note: string | null;
}

export interface Publication {
  month: string;
  version: number;
  files: BulletinFileInfo[];
  registration: Registration;
}

export function requireCoordinator(actor: Actor | 'system'): void {
  if (actor !== 'system' && (actor === null || (actor.role !== 'coordinator' && actor.role !== 'admin')))
    throw new AppError('forbidden', 'only the coordinator publishes', {
      es: 'solo la coordinación publica los reportes mensuales',
      en: 'only the coordinator publishes the monthly reports',
    });
}

export async function publishBulletin(
  database: Database,
  actor: Actor | 'system',
  o: { month: string; note?: string; link: (month: string) => string; progress?: Progress; now?: Date },
): Promise<Publication> {
  requireCoordinator(actor);
  requireMonth(o.month);
  await loadBulletinFigures(database, o.month); // refuses a month without data before any work
  const now = o.now ?? new Date();
  const outputs = await compileBulletins(database, {
    month: o.month,
    langs: ['es', 'en'],
    formats: BULLETIN_FORMATS,
    status: 'published',
    issued: now.toISOString().slice(0, 10),
    progress: o.progress,
  });
  const cuts = (await database.db.selectFrom('incidence_cut').selectAll().execute())
    .filter((c) => c.year === Number(o.month.slice(0, 4)) || c.year === Number(o.month.slice(0, 4)) - 1)
    .map((c) => ({ kind: c.kind, year: c.year, cutDate: c.cut_date, file: c.file_name, sha256: c.content_hash }));
  const actorId = actor === 'system' ? null : (actor?.userId ?? null);
  const ts = now.toISOString();
  return database.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('incidence_bulletin')
      .select((eb) => eb.fn.max<number>('version').as('v'))
      .where('month', '=', o.month)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const files: BulletinFileInfo[] = [];
    for (const out of outputs) {
      const id = randomUUID();
      const hash = createHash('sha256').update(out.bytes).digest('hex');
      const fileName = out.fileName.replace(/(\.\w+)$/, `-v${version}$1`);
      await trx
        .insertInto('incidence_bulletin')
        .values({
          id,
          month: o.month,
          version,
          lang: out.lang,
          format: out.format,
          file_name: fileName,
          content_hash: hash,
          content: out.bytes.toString('base64'),
          cuts: JSON.stringify(cuts),
          note: o.note ?? null,
          published_at: ts,
          published_by: actorId,
        })
        .execute();
      files.push({
        id,
        month: o.month,
        version,
        lang: out.lang,
        format: out.format,
        fileName,
        contentHash: hash,
        bytes: out.bytes.length,
        publishedAt: ts,
        note: o.note ?? null,
      });
    }
    await appendAudit(
      trx,
      {
        actorId,
        institution: null,
        action: 'incidence.publish',
        entity: 'incidence_bulletin',
        entityId: `${o.month}/v${version}`,
        after: { version, cuts, files: files.map((f) => ({ file: f.fileName, sha256: f.contentHash })) },
      },
      now,
    );
    const registration = await registerBulletin(trx, {
      month: o.month,
      link: o.link(o.month),
      publishedAt: ts,
      actorId,
    });
    return { month: o.month, version, files, registration };
  });
}

const INFO_COLUMNS = [
  'id',
  'month',
  'version',
  'lang',
  'format',
  'file_name',
  'content_hash',
  'published_at',
  'note',
] as const;

/** Published files (newest month and version first), without content; the latest version only when asked. */
export async function listBulletinFiles(
  database: Database,
  o: { month?: string; latestOnly?: boolean } = {},
): Promise<BulletinFileInfo[]> {
  let q = database.db
    .selectFrom('incidence_bulletin')
    .select([...INFO_COLUMNS, (eb) => eb.fn('length', ['content']).as('size')]);
  if (o.month !== undefined) q = q.where('month', '=', o.month);
  const rows = await q.orderBy('month', 'desc').orderBy('version', 'desc').orderBy('format').orderBy('lang').execute();
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.month, Math.max(latest.get(r.month) ?? 0, r.version));
  return rows
    .filter((r) => !o.latestOnly || r.version === latest.get(r.month))
    .map((r) => ({
      id: r.id,
      month: r.month,
      version: r.version,
      lang: r.lang as Lang | null,
      format: r.format as BulletinFormat,
      fileName: r.file_name,
      contentHash: r.content_hash,
      // base64 → bytes
      bytes: Math.floor((Number(r.size) * 3) / 4),
      publishedAt: r.published_at,
      note: r.note,
    }));
}

/** The months with a published bulletin, newest first. */
export async function publishedMonths(database: Database): Promise<string[]> {
  const rows = await database.db
    .selectFrom('incidence_bulletin')
    .select('month')
    .distinct()
    .orderBy('month', 'desc')
    .execute();
  return rows.map((r) => r.month);
}

/** A published file exactly as published. */
export async function readBulletinFile(
  database: Database,
  where: { id: string } | { month: string; lang: Lang | null; format: BulletinFormat },
): Promise<{ fileName: string; contentType: string; contentHash: string; bytes: Buffer }> {
  let q = database.db.selectFrom('incidence_bulletin').selectAll();
  if ('id' in where) q = q.where('id', '=', where.id);
  else {
    q = q.where('month', '=', where.month).where('format', '=', where.format);
    q = where.lang === null ? q.where('lang', 'is', null) : q.where('lang', '=', where.lang);
  }
  const row = await q.orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row)
    throw new AppError('not_found', 'no such published report', {
      es: 'no hay un reporte mensual publicado con esos datos',
      en: 'there is no published monthly report like that',
    });
  const bytes = Buffer.from(row.content, 'base64');
  return {
    fileName: row.file_name,
    contentType: bulletinContentType(row.format),
    contentHash: row.content_hash,
    bytes,
  };
}
