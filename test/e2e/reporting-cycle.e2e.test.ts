/**
 * The reporting cycle in a real browser: a SEMAR editor records an activity; what she types into a
 * second one survives leaving the page (autosave); the check before sending blocks an error (the
 * narrative's figure no longer matches) until she deletes the extra record; she submits; the
 * coordinator returns it with comments and the return reaches her by e-mail (a real SMTP listener)
 * and in the bell; she corrects it (meeting a stale-version conflict on the way) and submits again;
 * the coordinator sees what changed since the return, field by field, and approves; the period is
 * then said to be locked before she types anything. A SEDENA editor never sees SEMAR's unapproved
 * data, in the UI or through the API with their own cookie.
 *
 * Every wait is for a state (an element, a URL, a message), never for a fixed time: the machine may be slow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createMailer } from '../../src/services/notices/mailer.js';
import { startSmtpListener, type SmtpListener } from '../smtp-listener.js';
import { testEngines } from '../test-db.js';
import {
  apiWith,
  downloadWith,
  HAS_CHROMIUM,
  launchBrowser,
  open,
  screenshot,
  screensDir,
  signInAs,
  startApp,
  waitIdle,
  type Person,
  type RunningApp,
} from './helpers.js';

const YEAR = 2022;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TITLE_EN = 'Pre-deployment training courses for peacekeeping operations, 2022';
const TITLE_ES = 'Cursos de capacitación previa al despliegue para operaciones de mantenimiento de la paz, 2022';
const EXTRA_ES = 'Plática sobre violencia de género en Mérida';
const EXTRA_EN = 'Talk on gender-based violence in Mérida';
const RETURN_COMMENT = 'Falta el número de hombres capacitados.';
const E2E_TIMEOUT = 300_000;
/** The period's narrative states SEMAR's women trained; records that disagree are an error to correct before sending. */
const CLAIM = {
  id: 'claim-semar-women-2022',
  section: 'coa:4.2',
  stated: 32,
  relation: '=',
  expr: 'sum(women where institution = "SEMAR")',
  quote: 'La SEMAR capacitó a 32 mujeres.',
  location: 'text',
  ref: null,
  cell: null,
};
const PEOPLE = {
  semar: { email: 'editora@semar.example', name: 'Editora SEMAR', role: 'editor', institution: 'SEMAR' },
  sedena: { email: 'editor@sedena.example', name: 'Editor SEDENA', role: 'editor', institution: 'SEDENA' },
  coordinator: { email: 'coordinacion@sre.example', name: 'Coordinación SRE', role: 'coordinator', institution: 'SRE' },
  admin: { email: 'admin@sre.example', name: 'Administración', role: 'admin', institution: null },
} satisfies Record<string, Person>;

interface ActivityItem {
  id: string;
  title: { es: string; en: string };
  version: number;
  women: number | null;
  men: number | null;
  quantity: number | null;
  unit: string | null;
  state: string;
}

describe.skipIf(!HAS_CHROMIUM).each(testEngines())('reporting cycle in the browser (%s)', (engine) => {
  let running: RunningApp;
  let browser: Browser;
  let semar: BrowserContext;
  let sedena: BrowserContext;
  let coordinator: BrowserContext;
  let base: string;
  let recordId = '';
  let smtp: SmtpListener;

  beforeAll(async () => {
    const nextYear = new Date().getUTCFullYear() + 1;
    smtp = await startSmtpListener();
    running = await startApp(engine, {
      year: YEAR,
      people: Object.values(PEOPLE),
      deadline: `${nextYear}-03-31`,
      period: { claims: [CLAIM] },
      server: {
        notices: { mailer: createMailer(smtp.url, 'avisos@nap1325.test'), publicUrl: 'https://nap1325.example.gob.mx' },
      },
    });
    base = running.url;
    browser = await launchBrowser();
    semar = await signInAs(browser, base, PEOPLE.semar);
    sedena = await signInAs(browser, base, PEOPLE.sedena);
    coordinator = await signInAs(browser, base, PEOPLE.coordinator);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await smtp?.close();
  });

  /** SEDENA's editor: SEMAR's record is in neither the list page nor the API (list and direct read). */
  async function sedenaSeesNothingOfSemar(stage: string) {
    const list = await apiWith(sedena, base, `/api/activities?period=${YEAR}`);
    expect(list.status, stage).toBe(200);
    const items = (list.json as { items: ActivityItem[]; count: number }).items;
    expect(
      items.filter((a) => a.id === recordId || a.title.en === TITLE_EN),
      stage,
    ).toEqual([]);
    const semarOnly = await apiWith(sedena, base, `/api/activities?period=${YEAR}&institution=SEMAR`);
    expect((semarOnly.json as { count: number }).count, stage).toBe(0);
    const direct = await apiWith(sedena, base, `/api/activities/${recordId}`);
    expect(direct.status, stage).toBe(404);
    expect(JSON.stringify(direct.json), stage).not.toContain(TITLE_EN);
    const history = await apiWith(sedena, base, `/api/activities/${recordId}/history`);
    expect(history.status, stage).toBe(404);
    const events = await apiWith(sedena, base, `/api/submissions/SEMAR/${YEAR}/events`);
    expect(events.status, stage).toBe(404);
    const board = await apiWith(sedena, base, `/api/submissions?period=${YEAR}`);
    expect(
      (board.json as { institution: string }[]).map((r) => r.institution),
      stage,
    ).toEqual(['SEDENA']);

    const page = await sedena.newPage();
    await open(page, `${base}/es/app/activities?period=${YEAR}`);
    const text = await page.locator('main').innerText();
    expect(text, stage).not.toContain(TITLE_ES);
    expect(text, stage).toContain('Aún no hay actividades en este periodo.');
    await open(page, `${base}/es/app/activities/${recordId}`);
    await expect.poll(() => page.locator('main [role=alert]').innerText()).toContain('no existe o no tiene acceso');
    await page.close();
  }

  async function submissionAction(page: Page, button: string) {
    await open(page, `${base}/es/app/submission?period=${YEAR}`);
    await page.getByRole('button', { name: button }).click();
    await page.getByRole('status').filter({ hasText: 'Se ' }).first().waitFor();
  }

  it(
    'the SEMAR editor records the activity with a course of action; the total is computed as she types',
    async () => {
      const page = await semar.newPage();
      await open(page, `${base}/es/app/activities/new?period=${YEAR}`);
      await screenshot(page, 'es-activity-new-empty');
      await page.getByRole('button', { name: 'Guardar actividad' }).click();
      // Errors are listed and shown next to their fields before anything is sent.
      await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Título (español)');
      expect(await page.locator('#titleEs-error').innerText()).toBe('escriba el título en español');
      expect(await page.locator('#coursesOfAction-error').innerText()).toContain('línea de acción');
      await screenshot(page, 'es-activity-new-errors');

      // Each kind shows its own fields.
      const kindFields = {
        deployment: ['#mission', '#ugpsCategory'],
        network: ['#networkAction', '#fund'],
        engagement: ['#forum', '#role'],
      };
      for (const [kind, ids] of Object.entries(kindFields)) {
        await page.locator('#kind').selectOption(kind);
        for (const id of ids) expect(await page.locator(id).isVisible(), `${kind} ${id}`).toBe(true);
        expect(await page.locator('.kind-fields input, .kind-fields select').count(), kind).toBe(2);
      }
      await page.locator('#kind').selectOption('training');
      expect(await page.locator('.kind-fields').count()).toBe(0);
      await page.locator('#titleEs').fill(TITLE_ES);
      await page.locator('#titleEn').fill(TITLE_EN);
      await page.getByRole('checkbox', { name: /^4\.2 —/ }).check();
      await page.locator('#quantity').fill('74');
      await page.locator('#unit').fill('trainings');
      await page.locator('#women').fill('3');
      expect(await page.locator('output#total').innerText()).toBe('3');
      await page.locator('#women').fill('32');
      expect(await page.locator('output#total').innerText()).toBe('32');
      await page.locator('#dates-0-start').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Añadir fechas' }).click();
      await page.locator('#dates-0-start').fill('2022-03-07');
      await page.locator('#dates-0-end').fill('2022-03-18');
      await page.locator('#places-state').selectOption('MX-09');
      await page.getByRole('button', { name: 'Añadir lugar' }).click();
      await page.getByRole('button', { name: 'Guardar actividad' }).click();
      await page.waitForURL(/\/es\/app\/activities\/semar-2022-/);
      await page.getByText('Se guardó el registro.').waitFor();
      recordId = decodeURIComponent(page.url().split('/').pop()!);
      expect(await page.locator('h1').innerText()).toBe(TITLE_ES);
      await screenshot(page, 'es-activity-record-draft');

      const saved = await apiWith(semar, base, `/api/activities/${recordId}`);
      expect(saved.json).toMatchObject({
        kind: 'training',
        institution: 'SEMAR',
        coursesOfAction: ['4.2'],
        quantity: 74,
        unit: 'trainings',
        women: 32,
        men: null,
        total: 32,
        state: 'draft',
        places: ['MX-09'],
        dates: [{ start: '2022-03-07', end: '2022-03-18' }],
        title: { es: TITLE_ES, en: TITLE_EN },
      });
      // It is in her list with its totals.
      await open(page, `${base}/es/app/activities?period=${YEAR}`);
      const row = page.getByRole('row', { name: new RegExp(TITLE_ES.slice(0, 30)) });
      expect(await row.innerText()).toContain('32');
      expect(await page.locator('p.summary').innerText()).toMatch(
        /^1 registro · 32 mujeres, 0 hombres, .* Mujeres: 100\s?%\.$/,
      );

      // The spreadsheet page: the downloaded template (it holds the record), uploaded as it is, is checked
      // row by row and saves nothing new.
      const template = await downloadWith(semar, base, `/api/xlsx/template?period=${YEAR}`);
      await open(page, `${base}/es/app/spreadsheet?period=${YEAR}`);
      await page
        .locator('#sheet-file')
        .setInputFiles({ name: 'plantilla-semar-2022.xlsx', mimeType: XLSX, buffer: template });
      await page.getByRole('button', { name: 'Revisar el archivo' }).click();
      await page.locator('#step3').waitFor();
      const preview = await page.locator('main').innerText();
      expect(preview).toContain('1 fila. Nuevas: 0 · con cambios: 0 · sin cambios: 1 · con errores: 0');
      expect(await page.getByRole('row', { name: new RegExp(TITLE_ES.slice(0, 30)) }).innerText()).toContain(
        'Sin cambios',
      );
      await screenshot(page, 'es-spreadsheet-preview');
      await page.getByRole('button', { name: 'Guardar 0 filas' }).click();
      await page.getByText('Se guardó. Nuevas: 0 · actualizadas: 0 · sin cambios: 1.').waitFor();
      await page.close();

      // She starts a second record and leaves the page before saving: what she typed is kept.
      const draft = await semar.newPage();
      await open(draft, `${base}/es/app/activities/new?period=${YEAR}`);
      await draft.locator('#titleEs').fill(EXTRA_ES);
      await draft.locator('#titleEn').fill(EXTRA_EN);
      await draft.getByRole('checkbox', { name: /^4\.2 —/ }).check();
      await draft.locator('#women').fill('5');
      await expect
        .poll(() =>
          draft.evaluate(
            () => Object.keys((globalThis as unknown as { localStorage: Record<string, string> }).localStorage).length,
          ),
        )
        .toBeGreaterThan(0);
      await draft.close();
      const back = await semar.newPage();
      await open(back, `${base}/es/app/activities/new?period=${YEAR}`);
      await back.locator('.notice-restored').waitFor();
      expect(await back.locator('.notice-restored').innerText()).toContain('Se recuperó lo que escribió');
      expect(await back.locator('#titleEs').inputValue()).toBe(EXTRA_ES);
      expect(await back.locator('#women').inputValue()).toBe('5');
      await screenshot(back, 'es-activity-restored-draft');
      await back.getByRole('button', { name: 'Guardar actividad' }).click();
      await back.waitForURL(/\/es\/app\/activities\/semar-2022-/);
      await back.getByText('Se guardó el registro.').waitFor();
      // Saved: the kept copy is gone, a new form starts empty.
      await open(back, `${base}/es/app/activities/new?period=${YEAR}`);
      expect(await back.locator('#titleEs').inputValue()).toBe('');
      expect(await back.locator('.notice-restored').count()).toBe(0);
      await back.close();
      await sedenaSeesNothingOfSemar('draft');
    },
    E2E_TIMEOUT,
  );

  it(
    'the check before sending blocks an error; she deletes the extra record (kept for restoring) and submits',
    async () => {
      const page = await semar.newPage();
      await open(page, `${base}/es/app/submission?period=${YEAR}`);
      const checks = page.locator('.checks-errors');
      await checks.waitFor();
      expect(await checks.innerText()).toContain('Hay 1 error que corregir antes de enviar');
      expect(await checks.innerText()).toContain('La cifra del texto dice 32, pero los registros dan 37');
      expect(await page.getByRole('button', { name: 'Enviar a revisión' }).isDisabled()).toBe(true);
      await screenshot(page, 'es-submission-checks-error');
      // The finding links to its records; she opens the extra one and deletes it, confirming.
      await checks.getByRole('link', { name: EXTRA_ES }).click();
      await page.waitForURL(/\/activities\/semar-2022-/);
      await waitIdle(page);
      await page.getByRole('button', { name: 'Eliminar' }).click();
      expect(await page.locator('.confirm').innerText()).toContain('podrá restaurarlo');
      await page.getByRole('button', { name: 'Sí, eliminar' }).click();
      await page.waitForURL(/\/app\/activities\/deleted/);
      await page.getByText(`Se eliminó «${EXTRA_ES}»`).waitFor();
      await expect.poll(() => page.locator('main table').innerText()).toContain(EXTRA_ES);
      expect(await page.getByRole('button', { name: `Restaurar «${EXTRA_ES}»` }).count()).toBe(1);
      await screenshot(page, 'es-deleted-records');
      await open(page, `${base}/es/app/submission?period=${YEAR}`);
      await page.locator('.checks-ok').waitFor();
      await page.close();
    },
    E2E_TIMEOUT,
  );

  it(
    'she submits; the coordinator returns it with a comment; the return reaches her by e-mail and in the bell',
    async () => {
      const page = await semar.newPage();
      await submissionAction(page, 'Enviar a revisión');
      await expect.poll(() => page.locator('.status-panel').innerText()).toContain('Enviado');
      await page.close();
      await sedenaSeesNothingOfSemar('submitted');

      const review = await coordinator.newPage();
      await open(review, `${base}/es/app/review?period=${YEAR}`);
      const semarRow = review.getByRole('row', { name: /SEMAR/ }).first();
      expect(await semarRow.innerText()).toContain('Enviado');
      await screenshot(review, 'es-review-board');
      await review.getByRole('button', { name: `Devolver el envío de SEMAR ${YEAR}` }).click();
      await review.getByRole('button', { name: 'Devolver con comentarios' }).click();
      // A return needs a comment: said next to the field, nothing sent.
      expect(await review.locator('#review-text-error').innerText()).toContain('Escriba qué debe corregirse');
      await review.locator('#review-text').fill(RETURN_COMMENT);
      await review.locator(`[id="rc-${recordId}"]`).fill('Indique cuántos hombres participaron (74 en total).');
      await screenshot(review, 'es-review-return');
      await review.getByRole('button', { name: 'Devolver con comentarios' }).click();
      await review.getByText(`Se devolvió el envío de SEMAR ${YEAR}.`).waitFor();
      await waitIdle(review);
      await expect.poll(() => review.getByRole('row', { name: /SEMAR/ }).first().innerText()).toContain('Devuelto');
      await review.close();

      // The e-mail, as the SMTP server received it.
      const mail = await smtp.waitFor(
        (m) => m.to.includes(PEOPLE.semar.email) && m.subject.includes('Devuelto'),
        90_000,
      );
      expect(mail.from).toBe('avisos@nap1325.test');
      expect(mail.subject).toBe(`nap1325: Devuelto: envío de SEMAR ${YEAR} / Returned: SEMAR ${YEAR} submission`);
      expect(mail.text).toContain(`«${RETURN_COMMENT}»`);
      expect(mail.text).toContain(`https://nap1325.example.gob.mx/es/app/submission?period=${YEAR}`);
      expect(smtp.messages.some((m) => m.to.includes(PEOPLE.sedena.email))).toBe(false);
      // The bell.
      const inbox = await semar.newPage();
      await open(inbox, `${base}/es/app/activities?period=${YEAR}`);
      const bell = inbox.getByRole('button', { name: /^Avisos: 1 sin leer/ });
      await bell.click();
      const panel = inbox.locator('#notice-panel');
      expect(await panel.innerText()).toContain(`Devuelto: envío de SEMAR ${YEAR}`);
      await screenshot(inbox, 'es-notices-bell');
      await panel.getByRole('link', { name: `Devuelto: envío de SEMAR ${YEAR}` }).click();
      await inbox.waitForURL(/\/app\/submission/);
      await inbox.getByRole('button', { name: /^Avisos: 0 sin leer/ }).waitFor();
      await inbox.close();
      await sedenaSeesNothingOfSemar('returned');
    },
    E2E_TIMEOUT,
  );

  it(
    'she sees the comments, meets a conflict with a clear message, corrects and resubmits',
    async () => {
      const page = await semar.newPage();
      await open(page, `${base}/es/app/submission?period=${YEAR}`);
      const returned = await page.locator('.notice-returned').innerText();
      expect(returned).toContain(RETURN_COMMENT);
      expect(returned).toContain('Indique cuántos hombres participaron (74 en total).');
      await screenshot(page, 'es-submission-returned');

      await page.getByRole('link', { name: TITLE_ES }).first().click();
      await page.waitForURL(`**/activities/${recordId}`);
      await waitIdle(page);
      await page.locator('.notice-returned').getByText('Indique cuántos hombres participaron').waitFor();

      // Meanwhile the record changes elsewhere (another tab): the page's version is stale.
      const current = (await apiWith(semar, base, `/api/activities/${recordId}`)).json as ActivityItem &
        Record<string, unknown>;
      const { period: _p, total: _t, ministry: _m, state: _s, published: _pub, version, ...record } = current;
      const other = await apiWith(semar, base, `/api/activities/${recordId}`, {
        method: 'PUT',
        body: { ...record, notRecorded: 0, version },
      });
      expect(other.status).toBe(200);

      await page.locator('#men').fill('42');
      expect(await page.locator('output#total').innerText()).toBe('74');
      await page.getByRole('button', { name: 'Guardar cambios' }).click();
      const conflict = page.locator('.notice-error[role=alert]');
      await conflict.waitFor();
      expect(await conflict.innerText()).toContain('Otra persona cambió este registro');
      expect(await conflict.innerText()).toContain('No se guardó nada');
      await screenshot(page, 'es-activity-conflict');
      await page.getByRole('button', { name: /Recargar el registro/ }).click();
      await expect.poll(() => page.locator('#notRecorded').inputValue()).toBe('0');
      expect(await page.locator('#men').inputValue()).toBe('');
      await page.locator('#men').fill('42');
      await page.getByRole('button', { name: 'Guardar cambios' }).click();
      await page.getByText('Se guardó el registro.').waitFor();
      const corrected = (await apiWith(semar, base, `/api/activities/${recordId}`)).json as ActivityItem;
      expect(corrected).toMatchObject({ women: 32, men: 42, quantity: 74, version: 3 });
      // The history shows who changed what.
      const history = await page.locator('section.history').innerText();
      expect(history).toContain('Modificado');
      expect(history).toContain('Editora SEMAR');
      await screenshot(page, 'es-activity-record-history');

      await submissionAction(page, 'Volver a enviar');
      // Another status ("Se …") may come first while the checks run: wait for this one.
      await page.getByText('Se volvió a enviar a revisión.').waitFor();
      expect(await page.getByText('Se volvió a enviar a revisión.').count()).toBe(1);
      await page.close();
      await sedenaSeesNothingOfSemar('resubmitted');
    },
    E2E_TIMEOUT,
  );

  it(
    'the coordinator approves; the record is locked in the form and the API refuses changes',
    async () => {
      const review = await coordinator.newPage();
      await open(review, `${base}/es/app/review?period=${YEAR}`);
      await review.getByRole('button', { name: `Aprobar el envío de SEMAR ${YEAR}` }).click();
      // What changed since the return, field by field.
      const changes = review.locator('.review-changes');
      await changes.waitFor();
      expect(await changes.innerText()).toContain('0 registros nuevos, 1 modificado y 0 eliminados');
      const men = changes.getByRole('row', { name: /^Hombres/ });
      expect((await men.innerText()).split(/\s+/).join(' ')).toBe('Hombres — 42');
      expect(await changes.getByRole('row', { name: /^Sin registro de sexo/ }).count()).toBe(1);
      await screenshot(review, 'es-review-changes');
      await review.locator('.review-action').getByRole('button', { name: 'Aprobar', exact: true }).click();
      await review.getByText(`Se aprobó el envío de SEMAR ${YEAR}.`).waitFor();
      await waitIdle(review);
      await expect.poll(() => review.getByRole('row', { name: /SEMAR/ }).first().innerText()).toContain('Aprobado');
      await screenshot(review, 'es-review-approved');
      await review.close();

      const page = await semar.newPage();
      await open(page, `${base}/es/app/activities/${recordId}`);
      expect(await page.locator('.notice-locked').innerText()).toContain('bloqueados');
      expect(await page.locator('#men').isDisabled()).toBe(true);
      expect(await page.locator('#titleEs').isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Guardar cambios' }).count()).toBe(0);
      await screenshot(page, 'es-activity-locked');
      await page.close();

      const current = (await apiWith(semar, base, `/api/activities/${recordId}`)).json as ActivityItem &
        Record<string, unknown>;
      const { period: _p, total: _t, ministry: _m, state: _s, published: _pub, version, ...record } = current;
      const put = await apiWith(semar, base, `/api/activities/${recordId}`, {
        method: 'PUT',
        body: { ...record, men: 1, version },
      });
      expect(put.status).toBe(409);
      expect(put.json).toMatchObject({ error: { code: 'locked' } });
      expect((put.json as { error: { message: string } }).error.message).toContain('bloqueados');

      // The approval reaches her too; and the period is said to be locked before she types anything.
      await smtp.waitFor((m) => m.to.includes(PEOPLE.semar.email) && m.subject.includes('Aprobado'), 90_000);
      const list = await semar.newPage();
      await open(list, `${base}/es/app/activities?period=${YEAR}`);
      expect(await list.locator('.locked-banner').innerText()).toContain(`Periodo ${YEAR} cerrado para cambios.`);
      expect(await list.locator('.page-head').getByRole('link', { name: 'Registrar actividad' }).count()).toBe(0);
      await open(list, `${base}/es/app/activities/new?period=${YEAR}`);
      expect(await list.locator('.locked-banner').innerText()).toContain('aprobó el envío de SEMAR');
      expect(await list.locator('#titleEs').isDisabled()).toBe(true);
      expect(await list.getByRole('button', { name: 'Guardar actividad' }).count()).toBe(0);
      await screenshot(list, 'es-activity-new-locked');
      await list.close();
      await sedenaSeesNothingOfSemar('approved, not published');
    },
    E2E_TIMEOUT,
  );

  it.runIf(screensDir() !== null && engine === 'sqlite')(
    'every page, in both languages and at phone width, for the screenshots',
    async () => {
      const admin = await signInAs(browser, base, PEOPLE.admin);
      const anonymous = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const shots: [BrowserContext, string, string][] = [
        [anonymous, '', 'home'],
        [anonymous, '/sign-in', 'sign-in'],
        [anonymous, '/forgot-password', 'forgot-password'],
        [anonymous, '/reset-password#token=x', 'reset-password'],
        [anonymous, '/no-such-page', 'not-found'],
        [semar, '', 'home-signed-in'],
        [semar, '/app/plan?period=2022', 'app-plan'],
        [semar, '/app/activities?period=2022', 'activities'],
        [coordinator, '/app/activities?period=2022&institution=SEMAR&kind=training', 'activities-filtered'],
        [coordinator, '/app/activities?period=2022&sort=women&dir=desc', 'activities-sorted'],
        [semar, '/app/activities/new?period=2022', 'activity-new'],
        [semar, `/app/activities/${recordId}`, 'activity-record'],
        [semar, '/app/activities/deleted?period=2022', 'deleted'],
        [semar, '/app/submission?period=2022', 'submission'],
        [coordinator, '/app', 'dashboard'],
        [coordinator, '/app/review?period=2022', 'review'],
        [coordinator, '/app/periods', 'periods'],
        [admin, '/app/users', 'users'],
        [semar, '/app/spreadsheet?period=2022', 'spreadsheet'],
        [sedena, '/app/review', 'forbidden'],
      ];
      for (const width of [1280, 390])
        for (const lang of ['es', 'en'])
          for (const [context, path, name] of shots) {
            if (width === 390 && ['forbidden', 'reset-password', 'sign-in'].includes(name)) continue;
            const page = await context.newPage();
            await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
            await open(page, `${base}/${lang}${path}`);
            if (name === 'app-plan') await page.locator('details.course summary').nth(4).click();
            await screenshot(page, `${lang}-${name}${width === 390 ? '-phone' : ''}`);
            await page.close();
          }
      await admin.close();
      await anonymous.close();
    },
    E2E_TIMEOUT * 2,
  );
});
