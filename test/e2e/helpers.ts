import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../src/core/model/access.js';
import { SESSION_COOKIE, type App, type ServerOptions } from '../../src/server/app.js';
import { createUser } from '../../src/services/accounts/auth.service.js';
import { importFiles } from '../../src/services/data/import.service.js';
import { initDatabase } from '../../src/services/data/init.service.js';
import { createTestDatabase, type TestDatabase } from '../test-db.js';
import type { Engine } from '../../src/services/database.js';
import { HAS_CHROMIUM, launchBrowser, startPortal } from './portal-helpers.js';

export { HAS_CHROMIUM, launchBrowser };

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const E2E_PASSWORD = 'peace and security 1325 e2e';

export interface Person {
  email: string;
  name: string;
  role: Role;
  institution: string | null;
}

export interface RunningApp {
  app: App;
  url: string;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * An initialized temporary database (schema and places only, then Mexico's plan and an open
 * period) with the given people, and the app (API + built web) listening on a free port.
 */
export async function startApp(
  engine: Engine,
  options: {
    year: number;
    people: readonly Person[];
    deadline?: string | null;
    /** More of the period file (claims, narratives…). */
    period?: Record<string, unknown>;
    server?: Omit<ServerOptions, 'database' | 'web'>;
  },
): Promise<RunningApp> {
  const database = await createTestDatabase(engine, { migrate: false });
  await initDatabase(database, { empty: true });
  const plan = { name: 'data/seed/mx-plan.json', bytes: readFileSync(join(ROOT, 'data/seed/mx-plan.json')) };
  const period = {
    format: 'nap1325/period@1',
    plan: 'mx-nap1325',
    period: { year: options.year, opens: `${options.year}-01-01`, deadline: options.deadline ?? null },
    ...options.period,
  };
  await importFiles(database, [plan, { name: `${options.year}.json`, bytes: Buffer.from(JSON.stringify(period)) }]);
  for (const p of options.people) await createUser(database, 'system', { ...p, password: E2E_PASSWORD });
  // The app as buildServer makes it, serving a private build of the web application (see portal-helpers).
  const { app, url } = await startPortal(database, options.server);
  return {
    app,
    url,
    database,
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}

/** A browser context signed in through the sign-in page, as a person does it. */
export async function signInAs(
  browser: Browser,
  base: string,
  person: Person,
  lang = 'es',
  /** `bypassCSP` lets axe-core (an inline script) run in the pages. */
  options: { bypassCSP?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: lang === 'es' ? 'es-MX' : 'en-US',
    ...options,
  });
  // A loaded machine is slow, not broken: every wait is for a state, with room to reach it.
  context.setDefaultTimeout(90_000);
  const page = await context.newPage();
  await page.goto(`${base}/${lang}/sign-in`);
  await page.getByLabel(lang === 'es' ? 'Correo electrónico' : 'E-mail').fill(person.email);
  await page.getByLabel(lang === 'es' ? 'Contraseña' : 'Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: lang === 'es' ? 'Iniciar sesión' : 'Sign in' }).click();
  await page.waitForURL(new RegExp(`/${lang}/app(/activities)?$`));
  await page.close();
  return context;
}

/** Calls the API with a browser context's session cookie (and its CSRF token for writes). */
export async function apiWith(
  context: BrowserContext,
  base: string,
  path: string,
  init: { method?: string; body?: unknown; lang?: string } = {},
): Promise<{ status: number; json: unknown }> {
  const cookie = (await context.cookies(base)).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('the context is not signed in');
  const headers: Record<string, string> = {
    cookie: `${SESSION_COOKIE}=${cookie.value}`,
    'accept-language': init.lang ?? 'es',
  };
  const method = init.method ?? 'GET';
  if (method !== 'GET') {
    const me = await fetch(`${base}/api/auth/me`, { headers });
    headers['x-csrf-token'] = ((await me.json()) as { csrfToken: string }).csrfToken;
  }
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}

/** Downloads bytes (a template) with a browser context's session cookie. */
export async function downloadWith(context: BrowserContext, base: string, path: string): Promise<Buffer> {
  const cookie = (await context.cookies(base)).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('the context is not signed in');
  const res = await fetch(`${base}${path}`, { headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

/** Opens a page of the app and waits until it has loaded its data. */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('main h1', { timeout: 90_000 });
  await waitIdle(page);
}

/** Waits until no loading line is left on the page. */
export async function waitIdle(page: Page, timeoutMs = 90_000): Promise<void> {
  // Polled from here: the app's CSP (rightly) refuses the string evaluation waitForFunction would need.
  const until = Date.now() + timeoutMs;
  while ((await page.locator('main .loading').count()) > 0) {
    if (Date.now() > until) throw new Error(`still loading after ${timeoutMs} ms: ${page.url()}`);
    await page.waitForTimeout(50);
  }
}

/** Where screenshots go when NAP1325_SCREENS is set (tmp/screens by default): never committed. */
export function screensDir(): string | null {
  const v = process.env.NAP1325_SCREENS;
  if (!v) return null;
  const dir = v === '1' ? join(ROOT, 'tmp/screens') : v;
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = screensDir();
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
