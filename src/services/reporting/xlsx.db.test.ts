import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import type { Actor } from '../../core/model/access.js';
import { jsonFile, makeActivity, makePeriod, makePlan } from '../../../test/factories.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/test-db.js';
import { entityBomb, workbookZip, zipBomb } from '../../formats/xlsx/hostile-zips.fixture.js';
import { editWorkbook } from '../../formats/xlsx/workbook-edit.fixture.js';
import { importFiles } from '../data/import.service.js';
import { prepareDatabase } from '../data/reference-data.service.js';
import { buildXlsxTemplate } from './xlsx-template.service.js';
import { commitXlsx, previewXlsx } from './xlsx.service.js';

const YEAR = 2023;
const editor: NonNullable<Actor> = { userId: 'u-min', role: 'editor', institution: 'MIN' };
const unitEditor: NonNullable<Actor> = { userId: 'u-unit', role: 'editor', institution: 'MIN-U' };
const coordinator: NonNullable<Actor> = { userId: 'u-coord', role: 'coordinator', institution: null };

/** Every row that an upload could touch, as text: to prove a refused or repeated upload wrote nothing. */
async function snapshot(t: TestDatabase): Promise<string> {
  const parts: string[] = [];
  for (const table of ['activity', 'activity_coa', 'activity_place', 'activity_date', 'activity_item'] as const)
    parts.push(
      JSON.stringify((await t.db.selectFrom(table).selectAll().execute()).map((r) => JSON.stringify(r)).sort()),
    );
  return parts.join('\n');
}
const auditActions = async (t: TestDatabase) =>
  (await t.db.selectFrom('audit_entry').select(['action', 'entity_id', 'actor_id']).orderBy('seq').execute()).map((r) =>
    [r.action, r.entity_id, r.actor_id].filter((x) => x !== null).join(' '),
  );

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe.each(testEngines())('spreadsheet channel service (%s)', (engine) => {
  let t: TestDatabase;
  let template: Buffer;
  const file = (bytes: Uint8Array, name = 'plantilla.xlsx') => ({ name, bytes });

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await prepareDatabase(t);
    const period = makePeriod(YEAR);
    period.activities.push(
      makeActivity({
        id: 'other-2023',
        institution: 'OTHER',
        coursesOfAction: ['2.1'],
        title: { es: 'SECRETO', en: 'SECRET' },
      }),
    );
    await importFiles(t, [jsonFile('plan.json', makePlan()), jsonFile('2023.json', period)]);
  });
  afterAll(() => t.dispose());
  beforeEach(async () => {
    template = (await buildXlsxTemplate(t, editor, { period: YEAR })).bytes;
  });

  it('pre-fills the institution’s records (its units too, never another institution’s), so re-uploading changes nothing (I3)', async () => {
    const preview = await previewXlsx(t, editor, file(template));
    expect(preview.rows.map((r) => [r.sheet, r.id, r.status])).toEqual([
      ['training', 'course-2023', 'unchanged'],
      ['training', 'course-2023.a', 'unchanged'],
      ['training', 'course-2023.b', 'unchanged'],
      ['network', 'net-2023', 'unchanged'],
    ]);
    expect(preview.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(preview).toMatchObject({ period: YEAR, institution: 'MIN', canCommit: true, notInFile: [] });
    expect(JSON.stringify(preview)).not.toContain('SECRET');
    const before = await snapshot(t);
    const audit = await auditActions(t);
    expect(await commitXlsx(t, editor, file(template))).toMatchObject({
      counts: { created: 0, updated: 0, unchanged: 4 },
    });
    expect(await snapshot(t)).toBe(before);
    expect(await auditActions(t)).toEqual(audit);
  });

  it('previews then commits changes all at once with one audit row per change; the same file again changes nothing', async () => {
    const edited = await editWorkbook(template, (e) => {
      e.set('training', 'course-2023.a', 'women', 11);
      e.add('event', {
        id: 'min-2023-forum',
        courses_of_action: '1.1 — Course 1.1',
        title_es: 'Foro',
        title_en: 'Forum',
        dates: '2023-03-08',
        women: 40,
      });
    });
    const before = await snapshot(t);
    const preview = await previewXlsx(t, editor, file(edited));
    expect(preview.counts).toMatchObject({ rows: 5, new: 1, changed: 1, unchanged: 3, invalid: 0, errors: 0 });
    expect(preview.rows.find((r) => r.id === 'min-2023-forum')?.activity).toMatchObject({
      kind: 'event',
      institution: 'MIN',
      coursesOfAction: ['1.1'],
    });
    expect(await snapshot(t)).toBe(before); // a preview writes nothing
    const audit = await auditActions(t);
    const done = await commitXlsx(t, editor, file(edited));
    expect(done.counts).toEqual({ created: 1, updated: 1, unchanged: 3 });
    expect((await auditActions(t)).slice(audit.length)).toEqual([
      'activity.update course-2023.a u-min',
      'activity.create min-2023-forum u-min',
    ]);
    const row = await t.db
      .selectFrom('activity')
      .select(['women', 'version'])
      .where('id', '=', 'course-2023.a')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ women: 11, version: 2 });
    const after = await snapshot(t);
    const again = await commitXlsx(t, editor, file(edited));
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(await snapshot(t)).toBe(after);
  });

  it('takes the institution from the signed-in editor (A2): another institution, or its record id, is refused', async () => {
    const edited = await editWorkbook(template, (e) => {
      e.add('training', {
        id: 'min-2023-new',
        institution: 'OTHER',
        courses_of_action: '1.1',
        title_es: 'x',
        title_en: 'x',
      });
      e.add('training', { id: 'other-2023', courses_of_action: '1.1', title_es: 'robo', title_en: 'theft' });
      e.add('training', {
        id: 'min-2023-blank',
        courses_of_action: '1.1',
        title_es: 'Sin institución',
        title_en: 'No institution',
      });
    });
    const preview = await previewXlsx(t, unitEditor, file(edited));
    const rows = new Map(preview.rows.map((r) => [r.id, r]));
    expect(rows.get('min-2023-new')?.problems.map((p) => [p.column, p.field, p.message.en])).toEqual([
      ['D', 'institution', '"OTHER" is not your institution or one of its units; you can only record data of MIN-U'],
    ]);
    expect(rows.get('other-2023')?.problems.map((p) => p.field)).toContain('id');
    expect(rows.get('min-2023-blank')?.activity?.institution).toBe('MIN-U');
    // A unit's editor may not touch the ministry's own records either.
    expect(rows.get('course-2023')?.status).toBe('invalid');
    const before = await snapshot(t);
    const err = await errorOf(commitXlsx(t, unitEditor, file(edited)));
    expect(err.code).toBe('invalid_input');
    expect(err.details.en).toMatch(/^\d+ problem\(s\); nothing was written\. First: sheet "training", row \d+, column/);
    expect(err.details.problems?.[0]).toMatchObject({ file: 'plantilla.xlsx', sheet: 'training' });
    expect(await snapshot(t)).toBe(before);
  });

  it('refuses a row changed by someone else since the download (I5), and a new row reusing a stored id', async () => {
    const stale = await editWorkbook(template, (e) => e.set('training', 'course-2023.b', 'men', 8));
    const other = await editWorkbook(template, (e) => e.set('training', 'course-2023.b', 'men', 9));
    await commitXlsx(t, editor, file(other));
    const preview = await previewXlsx(t, editor, file(stale));
    const row = preview.rows.find((r) => r.id === 'course-2023.b')!;
    expect(row.status).toBe('invalid');
    expect(row.problems[0]).toMatchObject({ field: 'version', severity: 'error' });
    expect(row.problems[0]!.message.en).toMatch(
      /someone else changed "course-2023.b" after the download \(version 1, now 2\)/,
    );
    const reused = await editWorkbook(template, (e) =>
      e.add('other', { id: 'net-2023', courses_of_action: '1.1', title_es: 'x', title_en: 'x' }),
    );
    const p2 = await previewXlsx(t, editor, file(reused));
    expect(p2.rows.filter((r) => r.id === 'net-2023').flatMap((r) => r.problems.map((p) => p.field))).toEqual(
      expect.arrayContaining(['id']),
    );
  });

  it('reports checker findings as warnings (dates outside the period) and schema problems with their column', async () => {
    const edited = await editWorkbook(template, (e) => {
      e.add('event', {
        id: 'min-2023-late',
        courses_of_action: '1.1',
        title_es: 'Tarde',
        title_en: 'Late',
        dates: '2024-01-10',
      });
      e.add('deployment', {
        id: 'min-2023-dep',
        courses_of_action: '1.1',
        title_es: 'Despliegue',
        title_en: 'Deployment',
      });
      e.add('material', { id: 'Bad Id', title_es: 'x', women: -3, quantity: 5 });
    });
    const preview = await previewXlsx(t, editor, file(edited));
    const late = preview.rows.find((r) => r.id === 'min-2023-late')!;
    expect(late.status).toBe('new');
    expect(late.problems.map((p) => [p.column, p.severity])).toEqual([['I', 'warning']]);
    expect(late.problems[0]!.message.es).toMatch(/fuera del periodo 2023/);
    const dep = preview.rows.find((r) => r.id === 'min-2023-dep')!;
    expect(dep.problems.map((p) => [p.field, p.severity])).toEqual([['women', 'warning']]);
    const bad = preview.rows.find((r) => r.sheet === 'material')!;
    expect(bad.status).toBe('invalid');
    // Shape first: references (here quantity without its unit) are checked once the row has the right shape.
    expect(bad.problems.map((p) => p.field).sort()).toEqual(['id', 'title_en', 'women']);
    expect(preview.canCommit).toBe(false);
  });

  it('refuses broken and hostile files with a clear message, writing nothing', async () => {
    const before = await snapshot(t);
    const withFormula = await editWorkbook(template, (e) =>
      e.set('training', 'course-2023.a', 'women', { formula: 'SUM(1,2)', result: 3 }),
    );
    const preview = await previewXlsx(t, editor, file(withFormula));
    expect(preview.rows.find((r) => r.id === 'course-2023.a')?.problems.map((p) => [p.sheet, p.row, p.column])).toEqual(
      [['training', 4, 'K']],
    );
    const formulaErr = await errorOf(commitXlsx(t, editor, file(withFormula)));
    expect(formulaErr.details.es).toMatch(/hoja «training», fila 4, columna K \(women\): la celda tiene una fórmula/);
    const cases: [Uint8Array, RegExp][] = [
      [Buffer.from('\u00ff\u00fe binary'), /not an Excel workbook/],
      [Buffer.from('period,id,kind\n2023,a,training\n'), /it is text \(a CSV renamed\?\)/],
      [workbookZip([]).subarray(0, 0), /not an Excel workbook/],
      [workbookZip([]).subarray(0, 200), /damaged/],
      [entityBomb(), /DOCTYPE or XML entities/],
      [await zipBomb(), /possible zip bomb/],
    ];
    for (const [bytes, message] of cases) {
      const err = await errorOf(commitXlsx(t, editor, file(bytes, 'x.xlsx')));
      expect(err.code).toBe('invalid_input');
      expect(String(err.details.en)).toMatch(message);
    }
    expect(await snapshot(t)).toBe(before);
  });

  it('commits only while the submission is open (409 otherwise) and only for editors; denials are audited', async () => {
    await t.db
      .insertInto('submission')
      .values({
        institution_code: 'MIN',
        period_year: YEAR,
        state: 'submitted',
        version: 2,
        deadline: null,
        updated_at: new Date().toISOString(),
        updated_by: null,
      })
      .execute();
    try {
      const preview = await previewXlsx(t, editor, file(template));
      expect(preview.submission).toEqual({ ministry: 'MIN', state: 'submitted', open: false });
      expect(preview.canCommit).toBe(false);
      expect((await errorOf(commitXlsx(t, editor, file(template)))).code).toBe('locked');
      expect((await errorOf(commitXlsx(t, unitEditor, file(template)))).code).toBe('locked');
    } finally {
      await t.db.deleteFrom('submission').where('institution_code', '=', 'MIN').execute();
    }
    const audit = (await auditActions(t)).length;
    expect((await errorOf(previewXlsx(t, coordinator, file(template)))).code).toBe('forbidden');
    expect((await errorOf(buildXlsxTemplate(t, editor, { period: YEAR, institution: 'OTHER' }))).code).toBe(
      'forbidden',
    );
    expect((await errorOf(buildXlsxTemplate(t, unitEditor, { period: YEAR, institution: 'MIN' }))).code).toBe(
      'forbidden',
    );
    expect((await auditActions(t)).slice(audit)).toEqual([
      'access.denied u-coord',
      'access.denied OTHER u-min',
      'access.denied MIN u-unit',
    ]);
    expect((await errorOf(buildXlsxTemplate(t, editor, { period: 2031 }))).code).toBe('not_found');
    expect((await errorOf(buildXlsxTemplate(t, coordinator, { period: YEAR }))).code).toBe('invalid_input');
    const other = await buildXlsxTemplate(t, coordinator, { period: YEAR, institution: 'OTHER' });
    expect(other.fileName).toBe('nap1325-other-2023.xlsx');
    expect(other.records).toBe(1);
    expect((await auditActions(t)).at(-1)).toBe('export.xlsx-template OTHER/2023 u-coord');
  });
});
