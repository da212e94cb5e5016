import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors.js';
import type { Actor } from '../../core/model/access.js';
import type { Lang } from '../../core/model/kinds.js';
import type { Database } from '../../db/create-db.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import type { Progress } from '../data/import.service.js';
import { buildReportDocument, compileReports, REPORT_FORMATS } from './report.service.js';

export interface ReportVersionInfo {
  id: string;
  period: number;
  version: number;
  lang: Lang;
  format: string;
  fileName: string;
  contentHash: string;
  bytes: number;
  publishedAt: string;
  changes: VersionChanges | null;
}

/** What changed since the previous published version: figures (by formula) whose value changed, and a note. */
export interface VersionChanges {
  note: string | null;
  figures: { formula: string; before: string | null; after: string | null }[];
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  provenance: 'application/json; charset=utf-8',
};

export function contentTypeOf(format: string): string {
  return CONTENT_TYPES[format] ?? 'application/octet-stream';
}

function requireCoordinator(actor: Actor | 'system'): void {
  if (actor !== 'system' && (actor === null || (actor.role !== 'coordinator' && actor.role !== 'admin')))
    throw new AppError('forbidden', 'only the coordinator publishes', {
      es: 'solo la coordinación publica el informe',
      en: 'only the coordinator publishes the report',
    });
}

/**
 * Publishes the period's report: every language and format is compiled from the records, stored with
 * its SHA-256 and frozen (re-downloads are byte-identical), together with each language's provenance
 * companion (format 'provenance': every figure's formula, value and record ids). A later publication is a new version that
 * lists the figures that changed.
 */
export async function publishReport(
  database: Database,
  actor: Actor | 'system',
  options: { period: number; note?: string; progress?: Progress; now?: Date },
): Promise<ReportVersionInfo[]> {
  requireCoordinator(actor);
  const now = options.now ?? new Date();
  const year = options.period;
  const exists = await database.db.selectFrom('period').select('year').where('year', '=', year).executeTakeFirst();
  if (!exists)
    throw new AppError('not_found', `period ${year} is not in the database`, {
      es: `el periodo ${year} no está en la base de datos`,
      en: `period ${year} is not in the database`,
    });
  const last = await database.db
    .selectFrom('report_version')
    .select((eb) => eb.fn.max<number>('version').as('v'))
    .where('period_year', '=', year)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const outputs = await compileReports(database, {
    period: year,
    langs: ['es', 'en'],
    formats: REPORT_FORMATS,
    status: 'published',
    progress: options.progress,
    companion: true,
  });
  const figures = await figureManifest(database, year);
  const previous =
    version > 1
      ? await database.db
          .selectFrom('report_version')
          .select('changes')
          .where('period_year', '=', year)
          .where('version', '=', version - 1)
          .where('format', '=', 'manifest')
          .executeTakeFirst()
      : undefined;
  const before = previous?.changes
    ? (JSON.parse(previous.changes) as { manifest: Record<string, string> }).manifest
    : null;
  const changes: VersionChanges | null = before
    ? {
        note: options.note ?? null,
        figures: [...new Set([...Object.keys(before), ...Object.keys(figures)])]
          .filter((f) => before[f] !== figures[f])
          .sort()
          .map((formula) => ({ formula, before: before[formula] ?? null, after: figures[formula] ?? null })),
      }
    : options.note
      ? { note: options.note, figures: [] }
      : null;
  const actorId = actor === 'system' ? null : (actor?.userId ?? null);
  const ts = now.toISOString();
  const infos: ReportVersionInfo[] = [];
  await database.db.transaction().execute(async (trx) => {
    for (const o of outputs) {
      const id = randomUUID();
      const hash = createHash('sha256').update(o.bytes).digest('hex');
      // nap1325-informe-2022-es-v2.pdf, nap1325-informe-2022-es-v2.provenance.json
      const fileName = o.fileName.replace(/((?:\.provenance)?\.\w+)$/, `-v${version}$1`);
      await trx
        .insertInto('report_version')
        .values({
          id,
          period_year: year,
          version,
          lang: o.lang,
          format: o.format,
          file_name: fileName,
          content_hash: hash,
          content: o.bytes.toString('base64'),
          published_at: ts,
          published_by: actorId,
          changes: changes ? JSON.stringify(changes) : null,
        })
        .execute();
      infos.push({
        id,
        period: year,
        version,
        lang: o.lang,
        format: o.format,
        fileName,
        contentHash: hash,
        bytes: o.bytes.length,
        publishedAt: ts,
        changes,
      });
    }
    // The figures of this version, for the next version's list of differences (not a download).
    await trx
      .insertInto('report_version')
      .values({
        id: randomUUID(),
        period_year: year,
        version,
        lang: 'es',
        format: 'manifest',
        file_name: '',
        content_hash: '',
        content: '',
        published_at: ts,
        published_by: actorId,
        changes: JSON.stringify({ manifest: figures }),
      })
      .execute();
    const published = await trx
      .selectFrom('publication')
      .select('period_year')
      .where('period_year', '=', year)
      .executeTakeFirst();
    if (!published)
      await trx
        .insertInto('publication')
        .values({ period_year: year, published_at: ts, published_by: actorId })
        .execute();
    await appendAudit(
      trx,
      {
        actorId,
        institution: null,
        action: 'report.publish',
        entity: 'report',
        entityId: `${year}/v${version}`,
        after: { version, files: infos.map((i) => ({ file: i.fileName, sha256: i.contentHash })) },
      },
      now,
    );
  });
  return infos;
}

/** formula → value as printed (Spanish), for comparing versions. */
async function figureManifest(database: Database, year: number): Promise<Record<string, string>> {
  const doc = await buildReportDocument(database, { period: year, lang: 'es', status: 'published' });
  return Object.fromEntries(doc.notes.map((n) => [n.formula, n.text]));
}

/** Published versions of a period's report (newest first), without their content. */
export async function listReportVersions(database: Database, period?: number): Promise<ReportVersionInfo[]> {
  let q = database.db
    .selectFrom('report_version')
    .select([
      'id',
      'period_year',
      'version',
      'lang',
      'format',
      'file_name',
      'content_hash',
      'published_at',
      'changes',
      (eb) => eb.fn('length', ['content']).as('size'),
    ])
    .where('format', '!=', 'manifest');
  if (period !== undefined) q = q.where('period_year', '=', period);
  const rows = await q
    .orderBy('period_year', 'desc')
    .orderBy('version', 'desc')
    .orderBy('lang')
    .orderBy('format')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    period: r.period_year,
    version: r.version,
    lang: r.lang as Lang,
    format: r.format,
    fileName: r.file_name,
    contentHash: r.content_hash,
    bytes: Math.floor((Number(r.size) * 3) / 4),
    publishedAt: r.published_at,
    changes: r.changes ? (JSON.parse(r.changes) as VersionChanges) : null,
  }));
}

/** The stored bytes of a published file, exactly as published. */
export async function readReportVersion(
  database: Database,
  id: string,
): Promise<{ fileName: string; contentType: string; bytes: Buffer; contentHash: string }> {
  const row = await database.db
    .selectFrom('report_version')
    .select(['file_name', 'format', 'content', 'content_hash'])
    .where('id', '=', id)
    .where('format', '!=', 'manifest')
    .executeTakeFirst();
  if (!row)
    throw new AppError('not_found', 'no such report version', {
      es: 'no existe esa versión del informe',
      en: 'no such report version',
    });
  return {
    fileName: row.file_name,
    contentType: contentTypeOf(row.format),
    bytes: Buffer.from(row.content, 'base64'),
    contentHash: row.content_hash,
  };
}
