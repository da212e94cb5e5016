import { parseWithSchema } from '../../core/i18n/schema-messages.js';
import { inIdSpace, inScope, ministryOf, unavailableIdMessage } from '../../core/model/access.js';
import type { PlanCatalog } from '../../core/model/catalog.js';
import { activitySchema, type Activity } from '../../core/schemas/period.schema.js';
import type { XlsxActivityRow, XlsxProblem } from './read-xlsx.js';
import { problemAt } from './upload-problems.js';

export type RowStatus = 'new' | 'changed' | 'unchanged' | 'invalid';

/** What the upload would do with one row, and why not when it cannot. */
export interface XlsxRowPreview {
  sheet: string;
  row: number;
  id: string | null;
  status: RowStatus;
  activity: Activity | null;
  problems: XlsxProblem[];
}

export interface MappedRow {
  source: XlsxActivityRow;
  activity: Activity | null;
  problems: XlsxProblem[];
}

/** Schema and scope checks of one row; the institution comes from the signed-in editor (A2). */
export function mapRow(
  row: XlsxActivityRow,
  editor: { role: 'editor'; userId: string; institution: string },
  catalog: PlanCatalog,
  owners: ReadonlyMap<string, { institution_code: string }>,
): MappedRow {
  const problems = [...row.problems];
  const at = (path: (string | number)[], es: string, en: string) =>
    problems.push(problemAt(row, path, 'error', { es, en }));
  const named = row.institution;
  if (named !== null && !catalog.institutions.has(named))
    at(['institution'], `institución desconocida «${named}»`, `unknown institution "${named}"`);
  else if (named !== null && !inScope(editor, named, catalog.institutions))
    at(
      ['institution'],
      `«${named}» no es su institución ni una de sus unidades; solo puede registrar datos de ${editor.institution}`,
      `"${named}" is not your institution or one of its units; you can only record data of ${editor.institution}`,
    );
  const institution = named !== null && inScope(editor, named, catalog.institutions) ? named : editor.institution;
  const parsed = parseWithSchema(activitySchema, { ...row.input, institution });
  if (!parsed.ok) {
    for (const p of parsed.problems) problems.push(problemAt(row, p.path, 'error', p.message));
    return { source: row, activity: null, problems };
  }
  const a = parsed.data;
  // Another institution's id, or a new id outside the editor's space: one answer, whether it exists or not (A1).
  const owner = owners.get(a.id);
  const ministry = ministryOf(editor.institution, catalog.institutions);
  if (owner ? !inScope(editor, owner.institution_code, catalog.institutions) : !inIdSpace(ministry, a.id)) {
    const m = unavailableIdMessage(ministry, a.id);
    at(['id'], m.es, m.en);
    return { source: row, activity: null, problems };
  }
  return { source: row, activity: a, problems };
}

/**
 * The row's status against the stored record. A stored record may only change when the row carries
 * the version it was downloaded with (QUALITY I5): otherwise someone else's change would be lost.
 */
export function judgeRow(r: MappedRow, prior: Activity | undefined, storedVersion: number | null): XlsxRowPreview {
  const a = r.activity;
  const same = a !== null && prior !== undefined && sameActivity(prior, a);
  if (a && storedVersion !== null && !same && r.source.version !== storedVersion)
    r.problems.push(
      problemAt(r.source, ['version'], 'error', {
        es:
          r.source.version === null
            ? `ya existe un registro «${a.id}» (versión ${storedVersion}); use otro identificador o descargue la plantilla de nuevo`
            : `otra persona cambió «${a.id}» después de la descarga (versión ${r.source.version}, ahora ${storedVersion}); descargue la plantilla de nuevo`,
        en:
          r.source.version === null
            ? `a record "${a.id}" already exists (version ${storedVersion}); use another id or download the template again`
            : `someone else changed "${a.id}" after the download (version ${r.source.version}, now ${storedVersion}); download the template again`,
      }),
    );
  const invalid = a === null || r.problems.some((p) => p.severity === 'error');
  const status: RowStatus = invalid ? 'invalid' : !prior ? 'new' : same ? 'unchanged' : 'changed';
  return {
    sheet: r.source.sheet,
    row: r.source.row,
    id: a?.id ?? idOf(r.source),
    status,
    activity: a,
    problems: r.problems,
  };
}

/** Equal as stored: attribute and measure keys in any order. */
export function sameActivity(a: Activity, b: Activity): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

function idOf(row: XlsxActivityRow): string | null {
  return typeof row.input.id === 'string' && row.input.id !== '' ? row.input.id : null;
}
