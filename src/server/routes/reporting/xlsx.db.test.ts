import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { call, forceState, OPEN_YEAR, type PersonKey, workflowAppFixture } from '../../../../test/api-helpers.js';
import { testEngines } from '../../../../test/test-db.js';
import { entityBomb, zipBomb } from '../../../formats/xlsx/hostile-zips.fixture.js';
import { editWorkbook, multipart } from '../../../formats/xlsx/workbook-edit.fixture.js';
import { previewXlsx } from '../../../services/reporting/xlsx.service.js';
import { buildXlsxTemplate } from '../../../services/reporting/xlsx-template.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(testEngines())('spreadsheet API (%s)', (engine) => {
  const w = workflowAppFixture(engine);

  const template = async (who: PersonKey, query = `period=${OPEN_YEAR}`) =>
    call(w.app, w.sessions[who], { method: 'GET', url: `/api/xlsx/template?${query}` });
  const upload = (who: PersonKey | null, step: 'preview' | 'commit', bytes: Uint8Array, lang = 'en') =>
    call(w.app, who === null ? null : w.sessions[who], {
      method: 'POST',
      url: `/api/xlsx/${step}?lang=${lang}`,
      ...multipart(bytes),
    });
  const semarRecords = async () =>
    w.database.db
      .selectFrom('activity')
      .select(['id', 'women', 'men', 'version'])
      .where('institution_code', '=', 'SEMAR')
      .where('period_year', '=', OPEN_YEAR)
      .orderBy('id')
      .execute();
  const activityCount = async () =>
    Number(
      (
        await w.database.db
          .selectFrom('activity')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const message = (res: LightMyRequestResponse) => res.json<{ error: { code: string; message: string } }>().error;

  it('downloads the template, previews it and commits it unchanged: nothing changes (I3)', async () => {
    const res = await template('semarEditor');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="nap1325-semar-${OPEN_YEAR}.xlsx"`);
    const bytes = res.rawPayload;
    expect(bytes.includes(Buffer.from('SECRET-SEDENA'))).toBe(false);
    const preview = await upload('semarEditor', 'preview', bytes);
    expect(preview.statusCode).toBe(200);
    const body = preview.json<{
      rows: { id: string; status: string }[];
      counts: Record<string, number>;
      canCommit: boolean;
    }>();
    expect(body.rows).toEqual([expect.objectContaining({ id: 'semar-2023-hidden', status: 'unchanged' })]);
    expect(body.canCommit).toBe(true);
    const before = await semarRecords();
    const commit = await upload('semarEditor', 'commit', bytes);
    expect(commit.statusCode).toBe(200);
    expect(commit.json()).toEqual({
      file: 'plantilla.xlsx',
      period: OPEN_YEAR,
      counts: { created: 0, updated: 0, unchanged: 1 },
    });
    expect(await semarRecords()).toEqual(before);
  });

  it('commits an edited workbook in one go; re-sending it changes nothing', async () => {
    const bytes = await editWorkbook((await template('semarEditor')).rawPayload, (e) => {
      e.set('training', 'semar-2023-hidden', 'women', 13);
      e.add('network', {
        id: 'semar-2023-network',
        courses_of_action: '4.2',
        title_es: 'Red',
        title_en: 'Network',
        quantity: 2,
        unit: 'networks',
        network_action: 'created — creada / created',
      });
    });
    const preview = (await upload('semarEditor', 'preview', bytes)).json<{ counts: Record<string, number> }>();
    expect(preview.counts).toMatchObject({ new: 1, changed: 1, errors: 0 });
    const res = await upload('semarEditor', 'commit', bytes);
    expect(res.json()).toMatchObject({ counts: { created: 1, updated: 1, unchanged: 0 } });
    expect(await semarRecords()).toEqual([
      { id: 'semar-2023-hidden', women: 13, men: 30, version: 2 },
      { id: 'semar-2023-network', women: null, men: null, version: 1 },
    ]);
    expect((await upload('semarEditor', 'commit', bytes)).json()).toMatchObject({
      counts: { created: 0, updated: 0, unchanged: 2 },
    });
  });

  it('names sheet, row and column of every problem in the caller’s language; nothing is written', async () => {
    const bytes = await editWorkbook((await template('semarEditor')).rawPayload, (e) => {
      e.set('training', 'semar-2023-hidden', 'men', { formula: '20+10', result: 30 });
      e.add('event', {
        id: 'semar-2023-x',
        institution: 'SEDENA',
        courses_of_action: '4.2',
        title_es: 'x',
        title_en: 'x',
      });
    });
    const count = await activityCount();
    const preview = await upload('semarEditor', 'preview', bytes, 'es');
    const problems = preview
      .json<{ rows: { problems: { text: string }[] }[] }>()
      .rows.flatMap((r) => r.problems.map((p) => p.text));
    expect(problems).toEqual([
      'hoja «training», fila 3, columna L (men): la celda tiene una fórmula; escriba el valor (las fórmulas no se aceptan)',
      'hoja «event», fila 3, columna D (institution): «SEDENA» no es su institución ni una de sus unidades; solo puede registrar datos de SEMAR',
    ]);
    const es = await upload('semarEditor', 'commit', bytes, 'es');
    expect(es.statusCode).toBe(400);
    expect(message(es).message).toBe(
      '2 problema(s); no se guardó nada. Primero: hoja «training», fila 3, columna L (men): la celda tiene una fórmula; escriba el valor (las fórmulas no se aceptan)',
    );
    const en = await upload('semarEditor', 'commit', bytes, 'en');
    expect(message(en).message).toMatch(
      /^2 problem\(s\); nothing was written\. First: sheet "training", row 3, column L \(men\)/,
    );
    expect(
      en
        .json<{ error: { problems: { where: string; field: string }[] } }>()
        .error.problems.map((p) => [p.where, p.field]),
    ).toEqual([
      ['training!L3', 'men'],
      ['event!D3', 'institution'],
    ]);
    expect(await activityCount()).toBe(count);
  });

  it('refuses hostile and oversized uploads (400/413) before reading them; nothing is written', async () => {
    const count = await activityCount();
    const cases: [Uint8Array, number, RegExp][] = [
      [Buffer.from('id,kind,title_es\nx,training,y\n'), 400, /it is text \(a CSV renamed\?\)/],
      [
        Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        400,
        /not an Excel workbook/,
      ],
      [entityBomb(), 400, /DOCTYPE or XML entities/],
      [await zipBomb(), 400, /possible zip bomb/],
      [Buffer.alloc(10 * 1024 * 1024 + 1, 0x50), 413, /larger than 10 MB/],
    ];
    for (const [bytes, status, text] of cases) {
      const res = await upload('semarEditor', 'commit', bytes);
      expect(res.statusCode).toBe(status);
      expect(message(res).message).toMatch(text);
    }
    const notMultipart = await call(w.app, w.sessions.semarEditor, {
      method: 'POST',
      url: '/api/xlsx/preview',
      payload: { file: 'x' },
    });
    expect(notMultipart.statusCode).toBe(400);
    const wrongField = await call(w.app, w.sessions.semarEditor, {
      method: 'POST',
      url: '/api/xlsx/preview',
      ...multipart(Buffer.from('x'), { field: 'workbook' }),
    });
    expect(message(wrongField).message).toMatch(/unexpected field "workbook"|campo inesperado/);
    expect(await activityCount()).toBe(count);
  });

  it('guards every route: sign-in, CSRF, roles and scope; 409 when the submission is not open', async () => {
    const bytes = (await template('semarEditor')).rawPayload;
    expect((await upload(null, 'preview', bytes)).statusCode).toBe(401);
    expect((await call(w.app, null, { method: 'GET', url: `/api/xlsx/template?period=${OPEN_YEAR}` })).statusCode).toBe(
      401,
    );
    const noCsrf = await w.app.inject({
      method: 'POST',
      url: '/api/xlsx/commit',
      ...multipart(bytes),
      headers: { ...multipart(bytes).headers, cookie: w.sessions.semarEditor.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await upload('semarViewer', 'preview', bytes)).statusCode).toBe(403);
    expect((await upload('coordinator', 'commit', bytes)).statusCode).toBe(403);
    expect((await template('semarViewer')).statusCode).toBe(403);
    expect((await template('semarEditor', `period=${OPEN_YEAR}&institution=SEDENA`)).statusCode).toBe(403);
    expect((await template('coordinator', `period=${OPEN_YEAR}&institution=SEDENA`)).statusCode).toBe(200);
    expect((await template('coordinator', `period=${OPEN_YEAR}`)).statusCode).toBe(400);
    expect((await template('semarEditor', `period=${OPEN_YEAR}&bogus=1`)).statusCode).toBe(400);
    expect((await template('semarEditor', 'period=2031')).statusCode).toBe(404);
    // The seed's 2022 submissions are approved: locked.
    const locked2022 = await call(w.app, w.sessions.semarEditor, {
      method: 'POST',
      url: '/api/xlsx/commit?period=2022',
      ...multipart((await template('semarEditor', 'period=2022')).rawPayload),
    });
    expect(locked2022.statusCode).toBe(409);
    await forceState(w.database, 'SEMAR', OPEN_YEAR, 'submitted');
    try {
      const res = await upload('semarEditor', 'commit', bytes);
      expect(res.statusCode).toBe(409);
      expect(message(res).code).toBe('locked');
      const preview = (await upload('semarEditor', 'preview', bytes)).json<{
        canCommit: boolean;
        submission: { state: string };
      }>();
      expect(preview).toMatchObject({ canCommit: false, submission: { state: 'submitted' } });
    } finally {
      await forceState(w.database, 'SEMAR', OPEN_YEAR, 'draft');
    }
  });

  it('round-trips the embedded 2022 report: every ministry’s template previews as unchanged, without errors', async () => {
    const ministries = await w.database.db
      .selectFrom('institution')
      .select('code')
      .where('parent_code', 'is', null)
      .execute();
    let rows = 0;
    for (const { code } of ministries) {
      const actor = { userId: `editor-${code}`, role: 'editor' as const, institution: code };
      const { bytes, records } = await buildXlsxTemplate(w.database, actor, { period: 2022 });
      const preview = await previewXlsx(w.database, actor, { name: `${code}.xlsx`, bytes });
      expect(preview.rows.length).toBe(records);
      expect(preview.rows.filter((r) => r.status !== 'unchanged').map((r) => [r.id, r.problems])).toEqual([]);
      rows += records;
    }
    expect(rows).toBe(
      await w.database.db
        .selectFrom('activity')
        .select('id')
        .where('period_year', '=', 2022)
        .execute()
        .then((r) => r.length),
    );
  });

  it('answers malformed requests with 4xx, never 5xx (C1)', async () => {
    const form = (body: string, boundary = 'x') => ({
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    const part = (name: string, content: string, file = true) =>
      `--x\r\nContent-Disposition: form-data; name="${name}"${file ? '; filename="a.xlsx"' : ''}\r\n\r\n${content}\r\n`;
    const cases: (InjectOptions & { url: string })[] = [
      { method: 'POST', url: '/api/xlsx/preview', ...form('garbage') },
      {
        method: 'POST',
        url: '/api/xlsx/preview',
        ...form(`--x\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc`),
      },
      { method: 'POST', url: '/api/xlsx/preview', headers: { 'content-type': 'multipart/form-data' }, payload: 'x' },
      { method: 'POST', url: '/api/xlsx/commit', ...form(`${part('note', 'abc', false)}--x--\r\n`) },
      { method: 'POST', url: '/api/xlsx/commit', ...form(`${part('file', 'abc')}${part('file', 'abc')}--x--\r\n`) },
      { method: 'POST', url: '/api/xlsx/commit', ...form('--x--\r\n') },
      {
        method: 'POST',
        url: '/api/xlsx/commit',
        headers: { 'content-type': 'application/json' },
        payload: '{"file":null}',
      },
      { method: 'POST', url: '/api/xlsx/commit', headers: { 'content-type': 'application/json' }, payload: '[1,2]' },
      { method: 'POST', url: '/api/xlsx/commit?period=abc', headers: { 'content-type': 'text/plain' }, payload: 'x' },
      { method: 'GET', url: '/api/xlsx/template?period=1e10' },
      { method: 'GET', url: '/api/xlsx/template?period=2023&institution=../x' },
      { method: 'GET', url: '/api/xlsx/template?period=2023&institution=NOPE' },
      { method: 'GET', url: '/api/xlsx/template' },
    ];
    for (const c of cases) {
      const res = await call(w.app, w.sessions.semarEditor, c);
      expect([c.url, res.statusCode >= 400 && res.statusCode < 500]).toEqual([c.url, true]);
      expect(message(res).message).not.toMatch(/internal|interno/);
    }
  });
});
