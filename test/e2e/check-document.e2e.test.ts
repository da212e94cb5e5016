/**
 * "Check a document" in a real browser: a coordinator uploads the 2022 report's text and sees its
 * findings beside it, marked where they are; a finding leads to its line. An editor checks a Word
 * file in English. An admin is not offered the page.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_DIR } from '../../src/config/paths.js';
import { docxFromText } from '../lint-documents.js';
import {
  HAS_CHROMIUM,
  launchBrowser,
  open,
  screenshot,
  signInAs,
  startApp,
  type Person,
  type RunningApp,
} from './helpers.js';

const PEOPLE = {
  coordinator: { email: 'coordinacion@sre.example', name: 'Coordinación SRE', role: 'coordinator', institution: 'SRE' },
  editor: { email: 'editora@semar.example', name: 'Editora SEMAR', role: 'editor', institution: 'SEMAR' },
  admin: { email: 'admin@sre.example', name: 'Administración', role: 'admin', institution: null },
} satisfies Record<string, Person>;
const TEXT = join(SEED_DIR, 'source', 'nap1325-second-report-2022.en.txt');

describe.skipIf(!HAS_CHROMIUM)('Check a document in the browser', () => {
  let running: RunningApp;
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'nap1325-check-e2e-'));
  beforeAll(async () => {
    running = await startApp('sqlite', { year: 2022, people: Object.values(PEOPLE) });
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the findings of the 2022 text beside it, marked, in Spanish; a finding leads to its line', async () => {
    const context = await signInAs(browser, running.url, PEOPLE.coordinator, 'es');
    const page = await context.newPage();
    await open(page, `${running.url}/es/app/check`);
    await page.getByRole('button', { name: 'Revisar' }).click();
    await expect
      .poll(() => page.locator('#check-file-error').textContent())
      .toBe('Elija el documento que quiere revisar.');
    await page.setInputFiles('#check-file', TEXT);
    await page.getByRole('button', { name: 'Revisar' }).click();
    await page.waitForSelector('#check-summary', { timeout: 60_000 });
    expect(await page.textContent('#check-summary')).toBe(
      'nap1325-second-report-2022.en.txt (año 2022): 6 error(es), 9 aviso(s), 8 nota(s).',
    );
    expect(await page.locator('.finding-list > li').count()).toBe(23);
    expect(await page.locator('#l-253 mark.sev-error').textContent()).toBe('2106 people (986 women and 1121 men');
    expect(await page.locator('#l-457 mark.sev-error').count()).toBe(1);
    const finding = page.locator('.finding', { hasText: 'Cifra destacada distinta' }).first();
    expect(await finding.textContent()).toContain(
      'La cifra destacada dice 623 networks, pero el texto dice «630 Networks» (línea 455)',
    );
    await finding.getByRole('link', { name: /línea 457/ }).click();
    expect(page.url()).toMatch(/#l-457$/);
    await screenshot(page, 'check-document-es');
    await context.close();
  });

  it('checks a Word file in English for an editor; an admin is not offered the page', async () => {
    const docx = join(dir, 'report-2022.docx');
    writeFileSync(docx, await docxFromText(readFileSync(TEXT, 'utf8')));
    const context = await signInAs(browser, running.url, PEOPLE.editor, 'en');
    const page = await context.newPage();
    await open(page, `${running.url}/en/app/activities`);
    await page.getByRole('link', { name: 'Check a document' }).click();
    await page.waitForSelector('main h1');
    await page.setInputFiles('#check-file', docx);
    await page.getByLabel("The report's year (optional)").fill('2022');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.waitForSelector('#check-summary', { timeout: 60_000 });
    expect(await page.textContent('#check-summary')).toBe(
      'report-2022.docx (year 2022): 6 error(s), 9 warning(s), 8 note(s).',
    );
    expect(await page.locator('.finding-head a').first().textContent()).toMatch(/^paragraph \d+$/);
    await screenshot(page, 'check-document-en');
    await context.close();
    const admin = await signInAs(browser, running.url, PEOPLE.admin, 'en');
    const adminPage = await admin.newPage();
    await open(adminPage, `${running.url}/en/app/activities`);
    expect(await adminPage.getByRole('link', { name: 'Check a document' }).count()).toBe(0);
    await admin.close();
  });
});
