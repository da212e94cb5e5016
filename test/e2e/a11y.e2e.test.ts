import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.js';
import { seedPortal } from '../portal-fixture.js';
import { createTestDatabase, type TestDatabase } from '../test-db.js';
import { seriousViolations } from './axe.js';
import { HAS_CHROMIUM, launchBrowser, openPage, PUBLIC_PAGES, startPortal } from './portal-helpers.js';

describe.skipIf(!HAS_CHROMIUM)('accessibility of the public portal', () => {
  let database: TestDatabase;
  let portal: { app: App; url: string };
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await seedPortal(database);
    portal = await startPortal(database);
    browser = await launchBrowser();
    // axe is injected as an inline script, which the app's Content-Security-Policy rightly forbids.
    context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  }, 180_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await portal?.app.close();
    await database?.dispose();
  });

  const pages = [
    ...PUBLIC_PAGES,
    '/explorer?rows=state&columns=kind&measure=share',
    '/map?metric=people-trained&scale=rate',
  ];
  for (const lang of ['es', 'en'] as const)
    it(`no serious or critical axe violation on any public page (${lang})`, async () => {
      const page = await context.newPage();
      const found: string[] = [];
      for (const p of pages) {
        await openPage(page, `${portal.url}/${lang}${p}`);
        for (const v of await seriousViolations(page)) found.push(`${lang}${p}: ${v}`);
      }
      expect(found).toEqual([]);
      await page.close();
    }, 180_000);

  for (const lang of ['es', 'en'] as const)
    it(`keyboard (${lang}): Tab reaches the skip link, the main navigation and the language switch`, async () => {
      const page = await context.newPage();
      await openPage(page, `${portal.url}/${lang}/indicators`);
      const other = lang === 'es' ? 'en' : 'es';
      const seen: string[] = [];
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press('Tab');
        const focused = page.locator(':focus');
        if ((await focused.count()) !== 1) {
          seen.push('(none)');
          continue;
        }
        const inNav = (await page.locator('header nav :focus').count()) > 0 ? 'nav:' : '';
        const [href, hreflang] = await Promise.all([focused.getAttribute('href'), focused.getAttribute('hreflang')]);
        seen.push(`${inNav}${href ?? ''}:${hreflang ?? ''}`);
      }
      expect(seen[0]).toBe('#main:');
      for (const p of ['/plan', '/indicators', '/explorer', '/map', '/reports', '/data', '/status'])
        expect(seen, p).toContain(`nav:/${lang}${p}:`);
      expect(seen).toContain(`/${other}/indicators:${other}`);
      // Enter on the focused language switch changes the language.
      const switchIndex = seen.indexOf(`/${other}/indicators:${other}`);
      await openPage(page, `${portal.url}/${lang}/indicators`);
      for (let i = 0; i <= switchIndex; i++) await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${portal.url}/${other}/indicators`);
      // The skip link moves focus to the main content.
      await openPage(page, `${portal.url}/${lang}/indicators`);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.locator(':focus').getAttribute('id')).toBe('main');
      await page.close();
    }, 60_000);

  it('the explorer is usable with the keyboard alone: a select changes the view', async () => {
    const page = await context.newPage();
    await openPage(page, `${portal.url}/en/explorer`);
    await page.focus('select[name="rows"]');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/rows=institution/);
    await expect.poll(() => page.locator('[data-testid="pivot"] thead th').first().innerText()).toBe('Institution');
    await page.close();
  }, 60_000);
});
