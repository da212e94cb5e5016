/**
 * The coordinator's narrative editor in a real browser (issue 9 §2): a figure is picked (SEMAR's
 * women), its value computed from the records is shown, it is inserted at the cursor in both
 * languages, a typed number is flagged, the preview shows the figure, the block is saved, and the
 * compiled draft report prints the text with the figure. Screenshots in Spanish and English.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActivity } from '../factories.js';
import { seriousViolations } from './axe.js';
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
    expect(await page.getByTestId('figure-value').textContent()).toBe('Valor actual: 17 (1 registro)');
    await es.focus();
    await page.getByRole('button', { name: 'Insertar en el cursor' }).click();
    await es.press('End');
    await es.pressSequentially(' mujeres marinas.');
    expect(await es.inputValue()).toBe('En 2023 la SEMAR capacitó a {f1} mujeres marinas.');
    // The English text is still missing: the preview says so and does not borrow the Spanish.
    const preview = page.getByTestId('preview');
    await expect.poll(() => preview.locator('article[lang="en"]').textContent()).toContain('Falta la traducción');
    await expect
      .poll(() => preview.locator('article[lang="es"] .current').textContent())
      .toBe('En 2023 la SEMAR capacitó a 17 mujeres marinas.');
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
      .poll(() => preview.locator('article[lang="en"] .current').textContent())
      .toBe('SEMAR trained 17 women sailors.');
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

    // The section's generated text, activity by activity; the block now replaces SEMAR's course.
    const semarItem = page.locator('.generated-list li[data-activity="semar-2023-naval-course"]');
    const semarSentence = (await semarItem.locator('.generated-text').textContent())!;
    expect(semarSentence).toMatch(/^Curso naval de género\. .*47 personas \(17 mujeres y 30 hombres\)/);
    const sedenaSentence = (await page
      .locator('.generated-list li[data-activity="sedena-2023-peace-course"] .generated-text')
      .textContent())!;
    expect(sedenaSentence).toMatch(/^Curso de paz\. /);
    const generatedEs = preview.getByTestId('generated-es');
    await expect.poll(() => generatedEs.textContent()).toContain(semarSentence);
    await page.getByLabel('Sustituye el texto generado de las actividades marcadas abajo').check();
    await page.getByLabel('Curso naval de género (SEMAR)').check();
    await expect.poll(() => semarItem.textContent()).toContain('Sustituido por');
    await expect.poll(() => generatedEs.textContent()).not.toContain(semarSentence);
    expect(await generatedEs.textContent()).toContain(sedenaSentence);
    await page.getByRole('button', { name: 'Guardar bloque' }).click();
    await expect.poll(() => page.getByRole('status').last().textContent()).toContain('Bloque guardado (versión 2).');
    const replacing = await running.database.db.selectFrom('narrative_block').selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(replacing.activities)).toEqual(['semar-2023-naval-course']);
    await expect
      .poll(() => page.locator('.narrative-blocks li').first().textContent())
      .toContain('Sustituye 1 actividad');

    // A second block, an introduction, moved above the first with the keyboard.
    await page.getByRole('button', { name: 'Nuevo bloque' }).click();
    await es.fill('Las fuerzas armadas formaron a personal para misiones de paz.');
    await en.fill('The armed forces trained personnel for peace missions.');
    await page.getByRole('button', { name: 'Guardar bloque' }).click();
    await expect.poll(() => page.getByRole('status').last().textContent()).toContain('Bloque guardado (versión 1).');
    const second = (
      await running.database.db
        .selectFrom('narrative_block')
        .select('id')
        .where('id', '!=', replacing.id)
        .executeTakeFirstOrThrow()
    ).id;
    await expect.poll(() => page.locator('.narrative-blocks li').count()).toBe(2);
    await page.getByRole('button', { name: `Subir el bloque ${second}` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').last().textContent()).toContain('Orden guardado.');
    await expect.poll(() => page.locator('.narrative-blocks li').first().textContent()).toContain(second);
    // The focus stays on the moved block (its "down" button: it is first now), visibly.
    await expect
      .poll(() => page.evaluate<string | null>("document.activeElement?.getAttribute('data-move') ?? null"))
      .toBe(`${second}:1`);
    await screenshot(page, 'narrative-editor-es-focus');
    const order = await running.database.db
      .selectFrom('narrative_block')
      .select(['id', 'sort_order', 'version'])
      .orderBy('sort_order')
      .execute();
    expect(order.map((o) => o.id)).toEqual([second, replacing.id]);
    // The preview follows the new order once it has been computed again.
    const blocks = () => preview.locator('article[lang="es"] [data-block]').allTextContents();
    await expect.poll(async () => (await blocks())[0], { timeout: 15_000 }).toContain('Las fuerzas armadas');
    expect((await blocks())[1]).toContain('En 2023 la SEMAR capacitó a 17 mujeres marinas.');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      await screenshot(page, `narrative-editor-es-${width}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // The compiled draft: both blocks in their order, SEMAR's generated sentence replaced, SEDENA's kept.
    for (const lang of ['es', 'en'] as const) {
      const html = (
        await downloadWith(context, running.url, `/api/reports/${YEAR}/draft?lang=${lang}&format=html`)
      ).toString('utf8');
      const text = html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
      const [intro, block] =
        lang === 'es'
          ? ['Las fuerzas armadas formaron a personal', 'En 2023 la SEMAR capacitó a 17 mujeres marinas.']
          : ['The armed forces trained personnel', 'SEMAR trained 17 women sailors.'];
      expect(text.indexOf(intro)).toBeGreaterThan(-1);
      expect(text.indexOf(intro)).toBeLessThan(text.indexOf(block));
      expect(text).not.toContain(lang === 'es' ? 'Curso naval de género. ' : 'Naval gender course. ');
      expect(text).toContain(lang === 'es' ? sedenaSentence.slice(0, 50) : 'Peace course. ');
    }
    await context.close();

    const english = await signInAs(browser, running.url, COORDINATOR, 'en', { bypassCSP: true });
    const pageEn = await english.newPage();
    await open(pageEn, `${running.url}/en/app/report/${YEAR}/edit`);
    await pageEn.locator('.narrative-outline button', { hasText: /^4\.2 / }).click();
    // The section opens on its first block (the introduction); the replacing block is opened from the list.
    expect(await pageEn.getByLabel('English', { exact: true }).inputValue()).toBe(
      'The armed forces trained personnel for peace missions.',
    );
    await pageEn.locator('.narrative-blocks button.block-open', { hasText: replacing.id }).click();
    await expect
      .poll(() => pageEn.locator('.narrative-blocks li', { hasText: replacing.id }).textContent())
      .toContain('Replaces 1 activity');
    expect(await pageEn.getByLabel('English', { exact: true }).inputValue()).toBe('SEMAR trained {f1} women sailors.');
    await expect
      .poll(() => pageEn.getByTestId('preview').locator('article[lang="en"] .current').textContent())
      .toBe('SEMAR trained 17 women sailors.');
    await expect
      .poll(() => pageEn.locator('.generated-list li[data-activity="semar-2023-naval-course"]').textContent())
      .toContain('Replaced by');
    await expect.poll(() => pageEn.getByTestId('generated-en').textContent()).toContain('Peace course. ');
    expect(await pageEn.getByTestId('generated-en').textContent()).not.toContain('Naval gender course. ');
    for (const width of [1280, 390]) {
      await pageEn.setViewportSize({ width, height: 900 });
      expect(await pageEn.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      await screenshot(pageEn, `narrative-editor-en-${width}`);
    }
    await pageEn.setViewportSize({ width: 1280, height: 900 });
    expect(await seriousViolations(pageEn)).toEqual([]);
    await english.close();
  }, 300_000);
});
