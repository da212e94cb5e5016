import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.js';
import { seedPortal } from '../portal-fixture.js';
import { createTestDatabase, type TestDatabase } from '../test-db.js';
import { HAS_CHROMIUM, launchBrowser, openPage, PUBLIC_PAGES, startPortal } from './portal-helpers.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core (WCAG 2.x A/AA rules) on the page; returns the serious and critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  // (The context is a selector: the Node test runner has no DOM types.)
  const violations: unknown = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (ctx: string, o: object) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run('html', {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
}

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
