import { AppError } from '../../core/errors.js';
import { inScope, type Actor } from '../../core/model/access.js';
import type { Database } from '../../db/create-db.js';
import { readActivities } from '../../db/repositories/activity.repository.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { readCatalog } from '../../db/repositories/plan.repository.js';
import { writeTemplateXlsx, type ListEntry } from '../../formats/xlsx/template-xlsx.js';
import { recordDenial } from '../accounts/access.service.js';
import { resolvePeriod } from './xlsx.service.js';

/**
 * The XLSX template of an institution and period, pre-filled with the institution's records (its
 * units included), so uploading it unchanged changes nothing. Editors: their own scope; coordinators
 * and admins: any institution. The download is audited as an export (D1).
 */
export async function buildXlsxTemplate(
  database: Database,
  actor: Actor,
  query: { period: number; institution?: string },
  now = new Date(),
): Promise<{ fileName: string; bytes: Buffer; records: number }> {
  if (actor === null)
    throw new AppError('unauthenticated', 'sign in first', { es: 'inicie sesión', en: 'sign in first' });
  const db = database.db;
  const code = query.institution ?? (actor.role === 'editor' ? actor.institution : null);
  const catalog = await readCatalog(db);
  const role = actor.role === 'editor' || actor.role === 'coordinator' || actor.role === 'admin';
  if (!role || (code !== null && !inScope(actor, code, catalog.institutions))) {
    await recordDenial(database, actor, {
      action: 'export.xlsx-template',
      entity: 'institution',
      entityId: code,
      reason: role ? 'scope' : 'role',
    });
    throw new AppError('forbidden', 'not your institution', {
      es: 'no puede descargar la plantilla de esa institución',
      en: 'you may not download that institution’s template',
    });
  }
  if (code === null)
    throw new AppError('invalid_input', 'institution required', {
      es: 'indique la institución (?institution=)',
      en: 'choose the institution (?institution=)',
    });
  const institutions = await db.selectFrom('institution').selectAll().orderBy('sort_order').orderBy('code').execute();
  const inst = institutions.find((i) => i.code === code);
  if (!inst)
    throw new AppError('not_found', 'unknown institution', {
      es: `institución desconocida «${code}»`,
      en: `unknown institution "${code}"`,
    });
  await resolvePeriod(database, query.period, null);
  const scope = { userId: '', role: 'editor' as const, institution: code };
  const records = (await readActivities(db, { period: query.period })).filter((a) =>
    inScope(scope, a.institution, catalog.institutions),
  );
  const versions = new Map(
    (await db.selectFrom('activity').select(['id', 'version']).where('period_year', '=', query.period).execute()).map(
      (r) => [r.id, r.version],
    ),
  );
  const plan = await db.selectFrom('plan').select('country').executeTakeFirst();
  const country = plan?.country ?? 'MX';
  const places = await db
    .selectFrom('place')
    .select(['code', 'kind', 'parent_code', 'name_es'])
    .where((eb) =>
      eb.or([eb.and([eb('kind', '=', 'state'), eb('parent_code', '=', country)]), eb('kind', '=', 'country')]),
    )
    .execute();
  const byCode = (a: ListEntry, b: ListEntry) => a.code.localeCompare(b.code, 'en', { numeric: true });
  const coas = await db.selectFrom('course_of_action').select(['code', 'text_es']).execute();
  const bytes = await writeTemplateXlsx({
    period: query.period,
    institution: { code, name: { es: inst.name_es, en: inst.name_en } },
    records: records.map((activity) => ({ activity, version: versions.get(activity.id) ?? null })),
    lists: {
      institutions: institutions
        .filter((i) => inScope(scope, i.code, catalog.institutions))
        .map((i) => ({ code: i.code, label: i.name_es })),
      coursesOfAction: coas.map((c) => ({ code: c.code, label: c.text_es })).sort(byCode),
      // The country's federal entities first, then countries (municipalities are typed: MX-09007).
      places: [
        ...places
          .filter((p) => p.kind === 'state')
          .map((p) => ({ code: p.code, label: p.name_es }))
          .sort(byCode),
        ...places
          .filter((p) => p.kind === 'country')
          .map((p) => ({ code: p.code, label: p.name_es }))
          .sort(byCode),
      ],
    },
    generatedAt: now,
  });
  await db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actorId: actor.userId,
        institution: code,
        action: 'export.xlsx-template',
        entity: 'period',
        entityId: `${code}/${query.period}`,
        after: { records: records.length },
      },
      now,
    ),
  );
  return { fileName: `nap1325-${code.toLowerCase()}-${query.period}.xlsx`, bytes, records: records.length };
}
