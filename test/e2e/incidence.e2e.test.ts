import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.js';
import { createUser } from '../../src/services/accounts/auth.service.js';
import { initDatabase } from '../../src/services/data/init.service.js';
import { importIncidenceFiles } from '../../src/services/incidence/import.service.js';
import { publishBulletin } from '../../src/services/incidence/publish.service.js';
import { MARKER, markedVictims2021, victims2021Text } from '../fixtures/sesnsp/generate-sesnsp.js';
import { createTestDatabase, type TestDatabase } from '../test-db.js';
import { seriousViolations } from './axe.js';
import { E2E_PASSWORD, open, screensDir, signInAs, type Person } from './helpers.js';
import { HAS_CHROMIUM, launchBrowser, openPage, startPortal } from './portal-helpers.js';

/**
 * The monthly reports in the browser: the portal's pages of a published month in both languages (the
 * figures the file gives for January to March, nothing of the unpublished months, no serious axe
 * violation), the SSPC's page without the publish button, and the coordinator publishing a month.
 */
const PEOPLE: Person[] = [
  { email: 'coord-inc@test.example', name: 'Coordinación', role: 'coordinator', institution: 'SRE' },
  { email: 'sesnsp-inc@test.example', name: 'Enlace SESNSP', role: 'editor', institution: 'SSPC-SESNSP' },
];

/** Women victims of femicide, January to `months`, summed here from the file. */
function femicideTo(months: number): number {
  let total = 0;
  for (const line of victims2021Text().trim().split('\r\n').slice(1)) {
    const c = line.split(',');
    if (c[5] === 'Feminicidio' && c[7] === 'Mujer') total += c.slice(9, 9 + months).reduce((a, b) => a + Number(b), 0);
  }
  return total;
}

describe.skipIf(!HAS_CHROMIUM)('the monthly reports in the browser', () => {
  let database: TestDatabase;
  let portal: { app: App; url: string };
  let browser: Browser;
  let anonymous: BrowserContext;
  const shots = screensDir();

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await initDatabase(database);
    await importIncidenceFiles(database, [{ name: 'victims-2021.csv', bytes: markedVictims2021() }]);
    await publishBulletin(database, 'system', {
      month: '2021-03',
      link: (m) => `https://portal.example/es/incidence/${m}`,
    });
    for (const p of PEOPLE) await createUser(database, 'system', { ...p, password: E2E_PASSWORD });
    portal = await startPortal(database);
    browser = await launchBrowser();
    anonymous = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  }, 240_000);
  afterAll(async () => {
    await anonymous?.close();
    await browser?.close();
    await portal?.app.close();
    await database?.dispose();
  });

  for (const lang of ['es', 'en'] as const)
    it(`the portal's pages in ${lang}: the published month's figures, nothing unpublished, accessible`, async () => {
      const page = await anonymous.newPage();
      const ytd = femicideTo(3).toLocaleString(lang === 'es' ? 'es-MX' : 'en-US');
      await openPage(page, `${portal.url}/${lang}/incidence`);
      const list = await page.locator('main').innerText();
      expect(list).toContain(lang === 'es' ? 'Ver el reporte de marzo de 2021' : 'See the March 2021 report');
      expect(list).toContain(ytd);
      expect(await seriousViolations(page)).toEqual([]);
      await openPage(page, `${portal.url}/${lang}/incidence/2021-03`);
      const month = await page.locator('main').innerText();
      expect(await page.locator('[data-testid="incidence-kpis"] dd').first().innerText()).toBe(ytd);
      expect(await page.locator('[data-testid="incidence-ranking"] tbody tr').count()).toBe(32);
      expect(await page.locator('main figure svg').count()).toBeGreaterThanOrEqual(2);
      for (const text of [list, month]) expect(text).not.toMatch(/98[,.]?765/);
      expect(await seriousViolations(page)).toEqual([]);
      if (shots) await page.screenshot({ path: join(shots, `incidence-month-${lang}.png`), fullPage: true });
      await openPage(page, `${portal.url}/${lang}/incidence/2021-04`);
      expect(await page.locator('main').innerText()).toContain(lang === 'es' ? 'no está publicado' : 'not published');
      await page.close();
    }, 120_000);

  it("the SSPC's person sees the data and the drafts, not the publish button", async () => {
    const context = await signInAs(browser, portal.url, PEOPLE[1]!, 'es');
    const page = await context.newPage();
    await open(page, `${portal.url}/es/app/incidence`);
    expect(await page.locator('[data-testid="incidence-cuts"] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-testid="incidence-drafts"] a').count()).toBe(6);
    expect(await page.getByRole('button', { name: /Publicar/ }).count()).toBe(0);
    const json = await page.request.get(`${portal.url}/api/incidence/reports/2021-12?format=json`);
    expect(
      ((await json.json()) as { femicide: { womenVictimsByMonth: number[] } }).femicide.womenVictimsByMonth[11],
    ).toBeGreaterThan(MARKER);
    await context.close();
  }, 120_000);

  it('the coordinator publishes February from the page; the portal then lists it', async () => {
    const context = await signInAs(browser, portal.url, PEOPLE[0]!, 'en');
    const page = await context.newPage();
    await open(page, `${portal.url}/en/app/incidence`);
    await page.getByLabel('Month').selectOption('2021-02');
    await page.getByRole('button', { name: 'Publish the February 2021 report' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Published version 1 of the February 2021 report.' })
      .waitFor({ timeout: 110_000 });
    if (shots) writeFileSync(join(shots, 'incidence-app-en.png'), await page.screenshot({ fullPage: true }));
    const listed = await (await fetch(`${portal.url}/api/public/incidence`)).json();
    expect((listed as { months: { month: string }[] }).months.map((m) => m.month)).toEqual(['2021-03', '2021-02']);
    await context.close();
  }, 180_000);
});
