import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildServer, type App, type ServerOptions } from '../../src/server/app.js';
import type { Database } from '../../src/services/database.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB_ROOT = join(ROOT, 'tmp/web-e2e');
export const HAS_CHROMIUM = existsSync('/usr/bin/chromium');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Every public page of the portal (under /:lang), with what its main heading says in each language. */
export const PUBLIC_PAGES = [
  '/',
  '/plan',
  '/indicators',
  '/indicators/5.1.1',
  '/indicators/4.1.1',
  '/explorer',
  '/map',
  '/reports',
  '/data',
  '/status',
  '/records/sedena-2022-cicompaz',
] as const;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The web application as these tests serve it: built by Vite into a private, never-overwritten folder
 * (tmp/web-e2e/b-TIME), so that another build in the same tree cannot swap the assets under a
 * running test. Reuses the newest build that is newer than every file of src/web; one build at a time.
 */
export async function ensureWebBuilt(): Promise<string> {
  const sources = () => Math.max(newestMtime(join(ROOT, 'src/web')), newestMtime(join(ROOT, 'src/server/routes')));
  const freshBuild = (): string | null => {
    if (!existsSync(WEB_ROOT)) return null;
    const limit = sources();
    const builds = readdirSync(WEB_ROOT)
      .filter((d) => d.startsWith('b-') && existsSync(join(WEB_ROOT, d, 'index.html')))
      .sort()
      .reverse();
    const dir = builds[0];
    return dir && statSync(join(WEB_ROOT, dir, 'index.html')).mtimeMs >= limit ? join(WEB_ROOT, dir) : null;
  };
  const found = freshBuild();
  if (found) return found;
  mkdirSync(WEB_ROOT, { recursive: true });
  const lock = join(WEB_ROOT, '.lock');
  for (let i = 0; i < 240; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const done = freshBuild();
      if (done) return done;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    const again = freshBuild();
    if (again) return again;
    const dir = join(WEB_ROOT, `b-${Date.now()}`);
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dir], { cwd: ROOT, stdio: 'inherit' });
    // Builds older than a day are no longer used by any running test.
    for (const d of readdirSync(WEB_ROOT))
      if (d.startsWith('b-') && Date.now() - Number(d.slice(2)) > 86_400_000)
        rmSync(join(WEB_ROOT, d), { recursive: true, force: true });
    return dir;
  } finally {
    rmdirSync(lock);
  }
}

/**
 * Starts the app (buildServer: the API with its hooks) on a free port, serving the web application
 * from the private build like buildServer serves dist/web: files, and index.html for every page.
 */
export async function startPortal(
  database: Database,
  options: Omit<ServerOptions, 'database' | 'web'> = {},
): Promise<{ app: App; url: string }> {
  const dir = await ensureWebBuilt();
  const app = await buildServer({ database, web: false, ...options });
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  await app.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, index: false });
  const page = (_req: unknown, reply: FastifyReply) => reply.type('text/html; charset=utf-8').send(html);
  app.get('/', { schema: { hide: true } }, page);
  app.get('/:lang', { schema: { hide: true } }, page);
  app.get('/:lang/*', { schema: { hide: true } }, page);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Opens a page and waits until its data has loaded (a main heading, no loading line left). */
export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await waitForData(page);
}

/** Waits until the page shows its content: a main heading or an alert, and no loading line. */
export async function waitForData(page: Page): Promise<void> {
  await page.waitForSelector('main h1, main [role=alert]', { timeout: 15_000 });
  const loading = page.locator('main .loading');
  for (let waited = 0; (await loading.count()) > 0; waited += 50) {
    if (waited > 15_000) throw new Error(`still loading after 15 s: ${page.url()}`);
    await page.waitForTimeout(50);
  }
  // Charts draw after layout; give the SVG renderer a frame.
  await page.waitForTimeout(100);
}

/** Text of a page's main content with numbers as written. */
export function mainText(page: Page): Promise<string> {
  return page.locator('main').innerText();
}

/** Parses a number as the page writes it in `lang` ("1,234.5", "40.5%", "—" → null). */
export function parseShown(text: string): number | null {
  const t = text.replace(/[%\s\u00a0]/g, '').replace(/,/g, '');
  if (t === '' || t === '—') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
