import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Figure, ReportDocument } from '../../core/report/document.js';
import { makeReportDocument } from '../../../test/report-fixture.js';
import { renderMapSvg, topologyToGeoJson } from '../html/map-svg.js';
import { renderHtml } from '../html/render-html.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, PdfRenderer } from './render-pdf.js';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`PDF tests skipped: ${CHROMIUM_PATH} does not exist (apt-get install chromium).`);

const dir = mkdtempSync(join(tmpdir(), 'nap1325-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(pdf: Buffer, name: string): { text: string; pages: number } {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return { text, pages };
}

function figureTexts(doc: ReportDocument): string[] {
  const out: Figure[] = [];
  for (const b of doc.body) {
    if (b.kind === 'paragraph') for (const p of b.parts) if (p.kind === 'figure') out.push(p.figure);
    if (b.kind === 'table')
      for (const row of [...b.rows, ...(b.total ? [b.total] : [])])
        for (const c of row) if (c.kind === 'figure') out.push(c.figure);
    if (b.kind === 'callout' || (b.kind === 'indicator' && b.figure)) out.push(b.figure!);
    if (b.kind === 'map') for (const d of b.data) out.push(d.figure);
  }
  return out.map((f) => f.text);
}

describe.skipIf(!hasChromium)(`PdfRenderer (Chromium at ${CHROMIUM_PATH})`, () => {
  const launch = vi.spyOn(chromium, 'launch');
  let renderer: PdfRenderer;
  beforeAll(async () => {
    renderer = await PdfRenderer.launch();
  });
  afterAll(async () => {
    await renderer?.close();
    launch.mockRestore();
  });

  const geo = topologyToGeoJson(
    JSON.parse(readFileSync(new URL('../../../reference/mx-states.topo.json', import.meta.url), 'utf8')),
  );

  it('wraps a long running header rather than cutting it', async () => {
    const title =
      'Segundo Informe de Actividades 2022 — Plan Nacional de Acción para el seguimiento de la Resolución 1325 ' +
      '(2000) del Consejo de Seguridad de las Naciones Unidas sobre Mujeres, Paz y Seguridad FINALWORD';
    const body = Array.from({ length: 3 }, (_, i) => `<p style="break-after: page">${i + 1}</p>`).join('');
    const pdf = await renderer.render(`<!DOCTYPE html><html><body>${body}</body></html>`, {
      title,
      lang: 'es',
      draftLabel: 'BORRADOR · sin publicar',
      pageLabel: 'Página',
    });
    const { text, pages } = pdfText(pdf, 'long-header');
    expect(pages).toBe(3);
    expect(text.split('FINALWORD').length - 1).toBe(pages);
    expect(text.split('BORRADOR · sin publicar').length - 1).toBe(pages);
  });

  it.each(['es', 'en'] as const)(
    'renders the fixture (%s) with its figures, running header and page footer',
    async (lang) => {
      const doc = makeReportDocument(lang);
      const maps: Record<string, string> = {};
      for (const b of doc.body)
        if (b.kind === 'map') maps[b.id] = renderMapSvg(b.data, geo, { title: b.title, metric: b.metric, lang });
      const pdf = await renderer.render(renderHtml(doc, { maps }), {
        title: doc.title,
        lang,
        draftLabel: doc.labels.draft,
        pageLabel: doc.labels.page,
      });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const { text, pages } = pdfText(pdf, `fixture-${lang}`);
      expect(pages).toBeGreaterThanOrEqual(5);
      for (const figure of figureTexts(doc)) expect(text, figure).toContain(figure);
      expect(text).toContain(lang === 'es' ? '2,789.1' : '2,789.1');
      expect(text).toContain('<script>alert(1)</script>');
      expect(text.split(doc.title).length - 1).toBeGreaterThanOrEqual(pages); // running header on every page (+ cover)
      expect(text.split(doc.labels.draft).length - 1).toBeGreaterThanOrEqual(pages);
      expect(text).toContain(lang === 'es' ? `Página 1 de ${pages}` : `Page 1 of ${pages}`);
      expect(text).toContain(lang === 'es' ? `Página ${pages} de ${pages}` : `Page ${pages} of ${pages}`);
      // The notes are short (what the figure counts); formulas stay in the provenance companion.
      expect(text).toContain(doc.notes[0]!.description);
      expect(text).not.toContain(doc.notes[0]!.formula);
    },
  );

  it('prints a long table with its header on every page and its total once', async () => {
    const doc = makeReportDocument('en');
    const table = doc.body.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    table.rows = Array.from({ length: 90 }, (_, i) => [
      { kind: 'text', text: `Row ${i + 1}` },
      { kind: 'figure', figure: { value: i, text: String(i), note: 3 } },
      { kind: 'figure', figure: { value: i, text: String(i), note: 4 } },
    ]);
    table.total = [{ kind: 'text', text: 'GRANDTOTAL' }, ...table.total!.slice(1)];
    const { text, pages } = pdfText(
      await renderer.render(renderHtml(doc), { title: doc.title, lang: 'en', pageLabel: 'Page' }),
      'long',
    );
    expect(pages).toBeGreaterThan(5);
    expect(text.split('GRANDTOTAL').length - 1).toBe(1);
    expect(text.match(/Activity\s+Women\s+Men/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('reuses one browser across renders', async () => {
    expect(launch).toHaveBeenCalledTimes(1);
    const html = '<!DOCTYPE html><html><body><p>uno</p></body></html>';
    const options = { title: 'T', lang: 'es', pageLabel: 'Página' } as const;
    const [a, b] = [await renderer.render(html, options), await renderer.render(html, options)];
    expect(pdfText(a, 'a').text).toContain('uno');
    expect(pdfText(b, 'b').text).toContain('Página 1 de 1');
    expect(launch).toHaveBeenCalledTimes(1);
  });

  describe('never fetches anything (QUALITY C4)', () => {
    const hits: string[] = [];
    let server: Server;
    let port = 0;
    beforeAll(async () => {
      server = createServer((req, res) => {
        hits.push(req.url ?? '');
        res.writeHead(200, { 'content-type': req.url?.endsWith('.css') ? 'text/css' : 'text/html' });
        res.end(req.url?.endsWith('.css') ? 'body { color: red }' : '<p>LEAKED</p>');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const hostile = (base: string) => `<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="file:///etc/passwd">
<link rel="stylesheet" href="${base}/style.css">
<link rel="prefetch" href="${base}/prefetch">
<style>
@import url(${base}/import.css);
body { background: url(${base}/y); }
@font-face { font-family: Leak; src: url(${base}/font.woff); }
h1 { font-family: Leak, sans-serif; }
</style></head><body>
<h1>C4 still renders: ñ á ¿?</h1>
<img src="${base}/x">
<img src="file:///etc/hostname">
<iframe src="${base}/frame"></iframe>
<iframe src="file:///etc/passwd"></iframe>
<object data="${base}/object"></object>
<video poster="${base}/poster"></video>
<svg width="10" height="10"><image href="${base}/svg-image" width="10" height="10"/></svg>
<script src="${base}/script.js"></script>
</body></html>`;

    it('makes zero requests for images, stylesheets, frames, fonts and CSS urls, and still renders', async () => {
      const pdf = await renderer.render(hostile(`http://127.0.0.1:${port}`), {
        title: 'C4',
        lang: 'en',
        pageLabel: 'Page',
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(hits).toEqual([]);
      const { text } = pdfText(pdf, 'c4');
      expect(text).toContain('C4 still renders: ñ á ¿?');
      expect(text).not.toContain('LEAKED');
      expect(text).not.toMatch(/root:.*:0:0/);
    });

    it('(control: the same HTML in an unprotected page does hit the server)', async () => {
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage();
        await page.setContent(hostile(`http://127.0.0.1:${port}`), { waitUntil: 'load' });
        expect(hits.length).toBeGreaterThan(0);
      } finally {
        hits.length = 0;
        await browser.close();
      }
    });
  });

  it('screenshots an SVG to a PNG at twice its CSS size', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><rect width="120" height="80" fill="#691c32"/></svg>';
    const png = await renderer.screenshotSvg(svg, 120, 80);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([240, 160]);
  });

  it('screenshots several SVGs in one page, each to its own PNG, across page batches', async () => {
    const fills = [
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
      [255, 255, 0],
      [0, 255, 255],
      [255, 0, 255],
      [0, 0, 0],
    ];
    const svgs = fills.map(
      ([r, g, b]) =>
        `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40"><rect width="60" height="40" fill="rgb(${r},${g},${b})"/></svg>`,
    );
    const pngs = await renderer.screenshotSvgs(svgs, 60, 40);
    expect(pngs).toHaveLength(fills.length);
    pngs.forEach((png, i) => {
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([120, 80]);
      expect(firstPixel(png).map((v, k) => Math.abs(v - fills[i]![k]!) <= 8)).toEqual([true, true, true]);
    });
  });
});

/** The colour of a PNG's top-left pixel: on the first row every filter leaves the first pixel as it is. */
function firstPixel(png: Buffer): number[] {
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.subarray(at + 4, at + 8).toString() === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  return [raw[1]!, raw[2]!, raw[3]!];
}
