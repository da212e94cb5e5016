/**
 * The coordinator's narrative editor in a real browser (issue 9 §2): a figure is picked (SEMAR's
 * women), its value computed from the records is shown, it is inserted at the cursor in both
 * languages, a typed number is flagged, the preview shows the figure, the block is saved, and the
 * compiled draft report prints the text with the figure. Screenshots in Spanish and English.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActivity } from '../factories.js';
import {
  downloadWith,
  HAS_CHROMIUM,
  launchBrowser,
  open,
  screenshot,
  signInAs,
  startApp,
  type Person,
  type RunningApp,
} from './helpers.js';

const YEAR = 2023;
const COORDINATOR = {
  email: 'coordinacion@sre.example',
  name: 'Coordinación SRE',
  role: 'coordinator',
  institution: 'SRE',
} satisfies Person;

describe.skipIf(!HAS_CHROMIUM)('the narrative editor in the browser', () => {
  let running: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    running = await startApp('sqlite', {
      year: YEAR,
      people: [COORDINATOR],
      period: {
        activities: [
          makeActivity({
            id: 'semar-2023-naval-course',
            institution: 'SEMAR',
            coursesOfAction: ['4.2'],
            title: { es: 'Curso naval de género', en: 'Naval gender course' },
            women: 17,
            men: 30,
            places: ['MX-30'],
          }),
          makeActivity({
            id: 'sedena-2023-peace-course',
            institution: 'SEDENA',
            coursesOfAction: ['4.2'],
            title: { es: 'Curso de paz', en: 'Peace course' },
            women: 5,
            men: 9,
            places: ['MX-09'],
          }),
        ],
      },
    });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('inserts a figure from the picker in both languages, previews, saves, and the draft report prints it', async () => {
    const context = await signInAs(browser, running.url, COORDINATOR, 'es');
    const page = await context.newPage();
    await open(page, `${running.url}/es/app/report/${YEAR}/edit`);
    await page.locator('.narrative-outline button', { hasText: /^4\.2 / }).click();
    expect(await page.locator('#section-title').textContent()).toBeTruthy();

    const es = page.getByLabel('Español', { exact: true });
    await es.fill('En 2023 la SEMAR capacitó a ');
    await page.getByLabel('Medida').selectOption('women');
    await page.getByLabel('Institución').selectOption('SEMAR');
    await expect.poll(() => page.getByTestId('figure-value').textContent(), { timeout: 30_000 }).toMatch(/17/);
    expect(await page.getByTestId('figure-value').textContent()).toBe('Valor actual: 17 (1 registros)');
    await es.focus();
    await page.getByRole('button', { name: 'Insertar en el cursor' }).click();
    await es.press('End');
    await es.pressSequentially(' mujeres marinas.');
    expect(await es.inputValue()).toBe('En 2023 la SEMAR capacitó a {f1} mujeres marinas.');
    // The English text is still missing: the preview says so and does not borrow the Spanish.
    const preview = page.getByTestId('preview');
    await expect.poll(() => preview.locator('article[lang="en"]').textContent()).toContain('Falta la traducción');
    await expect
      .poll(() => preview.locator('article[lang="es"]').textContent())
      .toBe('EspañolEn 2023 la SEMAR capacitó a 17 mujeres marinas.');
    // "2023" was typed, not computed.
    await expect
      .poll(() => page.locator('.narrative-langs .warning').first().textContent())
      .toContain('Este número no está vinculado a registros: 2023');
    // Saving without the English text is refused, naming the field; nothing is written.
    await page.getByRole('button', { name: 'Guardar bloque' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('text.en');
    expect(await running.database.db.selectFrom('narrative_block').selectAll().execute()).toEqual([]);

    const en = page.getByLabel('Inglés', { exact: true });
    await en.fill('SEMAR trained ');
    await page.getByRole('button', { name: 'Insertar en inglés' }).click();
    await en.press('End');
    await en.pressSequentially(' women sailors.');
    await expect
      .poll(() => preview.locator('article[lang="en"]').textContent())
      .toBe('InglésSEMAR trained 17 women sailors.');
    await screenshot(page, 'narrative-editor-es');
    await page.getByRole('button', { name: 'Guardar bloque' }).click();
    await expect.poll(() => page.getByRole('status').last().textContent()).toContain('Bloque guardado (versión 1).');
    const row = await running.database.db.selectFrom('narrative_block').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ section: 'coa:4.2', version: 1, period_year: YEAR });
    expect(JSON.parse(row.figures)).toEqual({ f1: 'sum(women where institution = "SEMAR")' });

    for (const lang of ['es', 'en'] as const) {
      const html = (
        await downloadWith(context, running.url, `/api/reports/${YEAR}/draft?lang=${lang}&format=html`)
      ).toString('utf8');
      const text = html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
      expect(text).toContain(
        lang === 'es' ? 'En 2023 la SEMAR capacitó a 17 mujeres marinas.' : 'SEMAR trained 17 women sailors.',
      );
    }
    await context.close();

    const english = await signInAs(browser, running.url, COORDINATOR, 'en');
    const pageEn = await english.newPage();
    await open(pageEn, `${running.url}/en/app/report/${YEAR}/edit`);
    await pageEn.locator('.narrative-outline button', { hasText: /^4\.2 / }).click();
    expect(await pageEn.getByLabel('English', { exact: true }).inputValue()).toBe('SEMAR trained {f1} women sailors.');
    await expect
      .poll(() => pageEn.getByTestId('preview').locator('article[lang="en"]').textContent())
      .toBe('EnglishSEMAR trained 17 women sailors.');
    await screenshot(pageEn, 'narrative-editor-en');
    await english.close();
  }, 300_000);
});
