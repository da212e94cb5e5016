import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.js';
import { publishedActivityRows, seedPortal } from '../portal-fixture.js';
import { createTestDatabase, type TestDatabase } from '../test-db.js';
import { HAS_CHROMIUM, launchBrowser, openPage, parseShown, PUBLIC_PAGES, startPortal } from './portal-helpers.js';

type Rows = Awaited<ReturnType<typeof publishedActivityRows>>;
const sum = (xs: (number | null)[]) => xs.reduce<number | null>((s, x) => (x === null ? s : (s ?? 0) + x), null);
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The numbers of a table row (by its data attribute), cell by cell, as the page shows them. */
async function rowNumbers(page: Page, table: string, selector: string): Promise<(number | null)[]> {
  const cells = await page.locator(`[data-testid="${table}"] ${selector} td`).allInnerTexts();
  return cells.map((c) => parseShown(c.split('\n')[0] ?? ''));
}

const HEADINGS: Record<string, { es: RegExp; en: RegExp }> = {
  '/plan': { es: /Plan Nacional de Acción para el Seguimiento/, en: /National Action Plan/ },
  '/indicators': { es: /^Indicadores del plan$/, en: /^Indicators of the plan$/ },
  '/indicators/5.1.1': { es: /^Indicador 5\.1\.1$/, en: /^Indicator 5\.1\.1$/ },
  '/explorer': { es: /^Explorador de datos$/, en: /^Data explorer$/ },
  '/map': { es: /^Mapa por entidad federativa$/, en: /^Map by federal entity$/ },
  '/reports': { es: /^Informes publicados$/, en: /^Published reports$/ },
  '/data': { es: /^Datos abiertos$/, en: /^Open data$/ },
  '/status': { es: /^Estado de los reportes$/, en: /^Reporting status$/ },
};

describe.skipIf(!HAS_CHROMIUM)('public portal in the browser', () => {
  let database: TestDatabase;
  let portal: { app: App; url: string };
  let browser: Browser;
  let rows: Rows;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await seedPortal(database);
    rows = await publishedActivityRows(database);
    portal = await startPortal(database);
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await portal?.app.close();
    await database?.dispose();
  });

  for (const lang of ['es', 'en'] as const)
    it(`every public page loads in ${lang}, with the language in the URL, <html lang> and a switch to the other`, async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const other = lang === 'es' ? 'en' : 'es';
      for (const p of PUBLIC_PAGES) {
        await openPage(page, `${portal.url}/${lang}${p}`);
        expect(await page.getAttribute('html', 'lang'), p).toBe(lang);
        expect(await page.locator('main [role=alert]').count(), p).toBe(0);
        const h1 = (await page.locator('main h1').innerText()).trim();
        const expected = HEADINGS[p]?.[lang];
        if (expected) expect(h1, p).toMatch(expected);
        const switchLink = page.locator(`header a[hreflang="${other}"]`);
        expect(await switchLink.getAttribute('href'), p).toBe(`/${other}${p}`);
        if (p !== '/' && !p.includes('/', 1))
          expect(await page.locator(`header nav a[href="/${lang}${p}"]`).getAttribute('aria-current'), p).toBe('page');
      }
      // Switching language keeps the page and its query.
      await openPage(page, `${portal.url}/${lang}/explorer?rows=kind&period=2022`);
      await page.locator(`header a[hreflang="${other}"]`).click();
      await page.waitForURL(`${portal.url}/${other}/explorer?rows=kind&period=2022`);
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe(other);
      expect(await page.locator('main h1').innerText()).toMatch(HEADINGS['/explorer']![other]);
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);

  for (const lang of ['es', 'en'] as const)
    it(`the explorer's figures (${lang}) equal the database aggregates over published records`, async () => {
      const page = await browser.newPage();
      await openPage(page, `${portal.url}/${lang}/explorer`);
      const ministries: string[] = [];
      for (const tr of await page.locator('[data-testid="pivot"] tbody tr').all())
        ministries.push((await tr.getAttribute('data-key')) ?? '');
      expect(ministries.length).toBeGreaterThan(2);
      expect(ministries).not.toContain('SEMAR');
      for (const m of ministries) {
        const mine = rows.filter((r) => r.ministry === m);
        const [women, men, nr, total] = await rowNumbers(page, 'pivot', `tr[data-key="${m}"]`);
        expect([women, men, nr], m).toEqual([
          sum(mine.map((r) => r.women)),
          sum(mine.map((r) => r.men)),
          sum(mine.map((r) => r.not_recorded)),
        ]);
        const parts = [women, men, nr].filter((x): x is number => x !== null);
        expect(total, m).toBe(parts.length === 0 ? null : parts.reduce((a, b) => a + b, 0));
      }
      const [tw, tm, tn, tt] = await rowNumbers(page, 'pivot', 'tfoot tr');
      expect([tw, tm, tn]).toEqual([
        sum(rows.map((r) => r.women)),
        sum(rows.map((r) => r.men)),
        sum(rows.map((r) => r.not_recorded)),
      ]);
      expect(tt).toBe(tw! + tm! + tn!);
      // The download links carry the view's query.
      const csv = await page.locator('a[href^="/api/public/explorer.csv"]').getAttribute('href');
      expect(csv).toBe(`/api/public/explorer.csv?rows=ministry&columns=sex&measure=total&lang=${lang}`);
      // Changing the view goes into the URL and the numbers follow.
      await page.selectOption('select[name="period"]', '2023');
      await page.waitForURL(/period=2023/);
      await page.waitForSelector('[data-testid="pivot"] tfoot');
      const y2023 = rows.filter((r) => r.period_year === 2023);
      await expect
        .poll(async () => (await rowNumbers(page, 'pivot', 'tfoot tr'))[0])
        .toBe(sum(y2023.map((r) => r.women)));
      await page.close();
    }, 60_000);

  it('indicator, map and plan figures equal the database aggregates', async () => {
    const page = await browser.newPage();
    // 5.1.1: women's share of deployments under 5.1 (approved ministries only).
    await openPage(page, `${portal.url}/en/indicators`);
    const coa51 = [
      'sedena-2022-deployments',
      'sedena-2022-cicompaz',
      'semar-2022-peace-operations-posts',
      'sedena-2023-contingent',
    ];
    for (const year of [2022, 2023]) {
      const sel = rows.filter((r) => r.period_year === year && coa51.includes(r.id));
      const w = sum(sel.map((r) => r.women))!;
      const t = w + sum(sel.map((r) => r.men))!;
      const shown = await page
        .locator(`[data-testid="indicators"] tr[data-code="5.1.1"] td[data-period="${year}"] .value`)
        .innerText();
      expect(parseShown(shown), String(year)).toBe(round2((100 * w) / t));
    }
    // UGPS: military contingents in 2022.
    await openPage(page, `${portal.url}/es/indicators/5.1.1`);
    const contingents = rows.filter(
      (r) => r.period_year === 2022 && r.kind === 'deployment' && r.attributes.includes('"military-contingent"'),
    );
    const [women, total, share] = await rowNumbers(page, 'ugps-2022', 'tr[data-category="military-contingent"]');
    expect([women, total]).toEqual([
      sum(contingents.map((r) => r.women)),
      sum(contingents.map((r) => (r.women ?? 0) + (r.men ?? 0))),
    ]);
    expect(share).toBe(round2((100 * women!) / total!));
    // Map: women members of the networks created, per entity, 2022.
    await openPage(page, `${portal.url}/en/map?metric=network-women&period=2022`);
    const places = await database.db.selectFrom('activity_place').select(['activity_id', 'place_code']).execute();
    for (const code of ['MX-29', 'MX-16', 'MX-09', 'MX-30']) {
      const sel = rows.filter(
        (r) =>
          r.period_year === 2022 &&
          r.kind === 'network' &&
          r.attributes.includes('"networkAction":"created"') &&
          places.some((p) => p.activity_id === r.id && p.place_code.startsWith(code)),
      );
      const shown = await page.locator(`[data-testid="map-table"] tr[data-code="${code}"] td.value`).innerText();
      expect(parseShown(shown), code).toBe(sel.length === 0 ? null : sum(sel.map((r) => r.women)));
    }
    expect(await page.locator('main svg path').count()).toBeGreaterThan(32);
    // Plan: women per period and the year-over-year statement with its base.
    await openPage(page, `${portal.url}/en/plan`);
    const women2022 = sum(rows.filter((r) => r.period_year === 2022).map((r) => r.women))!;
    const women2023 = sum(rows.filter((r) => r.period_year === 2023).map((r) => r.women))!;
    expect(await rowNumbers(page, 'trends', 'tr[data-key="women"]')).toEqual([women2022, women2023, null]);
    const statement = await page.locator('[data-testid="trends"] tr[data-key="women"] td').last().innerText();
    expect(statement).toContain(`from ${women2022.toLocaleString('en-US')} in 2022`);
    await page.close();
  }, 60_000);
});
