/**
 * Benchmark: build time of the 2022 report, HTML + PDF + DOCX in Spanish and English, as compileReports makes
 * them (concurrently, one browser), warm: a first compilation warms Chromium, the module caches and the database
 * pages; the second is measured. Then each format of each language rendered alone, next to a bare anchor doing the
 * least the format needs, in the same run:
 *   - PDF: Chromium's page.pdf of the same print HTML (browser already running, no header/footer, not tagged);
 *   - DOCX: the docx package's Packer of the same text as plain paragraphs (no styles, tables, images, links).
 * The ratio says how much each renderer adds to that. With --scale N it also compiles a generated period
 * holding N× the 2022 records. Prints figures; asserts nothing.
 *   npm run bench:report [-- --scale 100]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { chromium } from 'playwright-core';
import type { Block, ReportDocument } from '../src/core/report/document.js';
import type { PeriodFile } from '../src/core/schemas/period.schema.js';
import { openDatabase } from '../src/db/create-db.js';
import { renderHtml } from '../src/formats/html/render-html.js';
import { renderDocx } from '../src/formats/docx/render-docx.js';
import { MAP_SVG_SIZE } from '../src/formats/html/map-svg.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, PdfRenderer } from '../src/formats/pdf/render-pdf.js';
import { exportPeriod } from '../src/services/data/export.service.js';
import { importFiles } from '../src/services/data/import.service.js';
import { initDatabase } from '../src/services/data/init.service.js';
import {
  compileReports,
  loadReportInputs,
  reportDocumentOf,
  reportMaps,
  type ReportOutput,
} from '../src/services/report/report.service.js';

const scaleArg = process.argv.indexOf('--scale');
const scale = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) || 0 : 0;
const dir = mkdtempSync(join(tmpdir(), 'nap1325-bench-'));
const database = openDatabase(join(dir, 'bench.sqlite'));
const LANGS = ['es', 'en'] as const;

/** The 2022 period copied into `year` with every activity repeated `times` times (ids renamed). */
function scaled(p: PeriodFile, year: number, times: number): PeriodFile {
  const tag = `-y${year}`;
  const ids = p.activities.map((a) => a.id).sort((a, b) => b.length - a.length);
  const rename = (text: string, suffix: string) =>
    ids.reduce((s, id) => s.split(`"${id}"`).join(`"${id}${suffix}"`), text);
  const activities = [];
  for (let r = 0; r < times; r++) {
    const suffix = r === 0 ? tag : `${tag}-r${r}`;
    for (const a of p.activities)
      activities.push({
        ...a,
        id: `${a.id}${suffix}`,
        parent: a.parent === null ? null : `${a.parent}${suffix}`,
        dates: [],
      });
  }
  const renamed = new Set([...p.activities, ...p.narratives, ...p.tables, ...p.callouts].map((x) => x.id));
  const json = <T>(x: T): T => JSON.parse(rename(JSON.stringify(x), tag)) as T;
  return {
    ...p,
    period: { ...p.period, year },
    activities,
    narratives: p.narratives.map((n) => ({ ...json(n), id: `${n.id}${tag}` })),
    tables: p.tables.map((t) => ({ ...json(t), id: `${t.id}${tag}` })),
    callouts: p.callouts.map((c) => ({ ...json(c), id: `${c.id}${tag}` })),
    claims: p.claims.map((c) => ({
      ...json(c),
      id: `${c.id}${tag}`,
      ref: c.ref !== null && renamed.has(c.ref) ? `${c.ref}${tag}` : c.ref,
    })),
  };
}

/** Every piece of text of a block, as the plain paragraphs the DOCX anchor writes. */
function textsOf(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
      return [b.text];
    case 'lead':
    case 'note':
      return [b.text];
    case 'paragraph':
      return [b.parts.map((p) => (p.kind === 'figure' ? p.figure.text : p.text)).join('')];
    case 'list':
      return b.items;
    case 'table':
      return [b.title, ...b.rows.flat().map((c) => (c.kind === 'figure' ? c.figure.text : c.text))];
    case 'callout':
      return [b.figure.text, b.label];
    case 'indicator':
      return [b.text, b.figure?.text ?? '—'];
    case 'map':
      return [b.title, ...b.data.flatMap((d) => [d.name, d.figure.text])];
    case 'chart':
      return [b.title, ...b.categories];
  }
}

function allTexts(doc: ReportDocument): string[] {
  return [
    doc.title,
    ...doc.body.flatMap(textsOf),
    ...doc.indicators.map((i) => `${i.code} ${i.text}`),
    ...doc.methodology,
    ...doc.checkSummary,
    ...doc.notes.map((n) => `[${n.n}] ${n.text}`),
  ];
}

interface Row {
  lang: string;
  format: string;
  ms: number;
  bare?: number;
}

/**
 * Each format of each language rendered alone (after the compilation warmed everything up), next to its bare anchor:
 * page.pdf of the same print HTML in the same browser, and a Packer of the same text as plain paragraphs.
 */
async function perFormat(docs: ReportDocument[]): Promise<Row[]> {
  const rows: Row[] = [];
  const renderer = await PdfRenderer.launch();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const time = async (f: () => unknown): Promise<number> => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  try {
    for (let round = 0; round < 2; round++) {
      rows.length = 0;
      for (const doc of docs) {
        const lang = doc.lang;
        const html = await time(() => renderHtml(doc, { maps: reportMaps(doc), mode: 'web' }));
        rows.push({ lang, format: 'html', ms: html });
        const maps = reportMaps(doc);
        const print = renderHtml(doc, { maps, mode: 'print' });
        const pdf = await time(() =>
          renderer.render(print, {
            title: `${doc.title} — ${doc.planTitle}`,
            lang,
            draftLabel: doc.labels.draft,
            pageLabel: doc.labels.page,
          }),
        );
        const barePdf = await time(async () => {
          const page = await browser.newPage({ javaScriptEnabled: false });
          await page.setContent(print, { waitUntil: 'load' });
          await page.pdf({ format: 'A4', printBackground: true });
          await page.close();
        });
        rows.push({ lang, format: 'pdf', ms: pdf, bare: barePdf });
        const ids = Object.keys(maps);
        const docx = await time(async () => {
          const pngs = await renderer.screenshotSvgs(
            ids.map((id) => maps[id]!),
            MAP_SVG_SIZE.width,
            MAP_SVG_SIZE.height,
          );
          await renderDocx(doc, {
            images: Object.fromEntries(ids.map((id, i) => [id, { png: pngs[i]!, ...MAP_SVG_SIZE }])),
          });
        });
        const bareDocx = await time(() =>
          Packer.toBuffer(
            new Document({ sections: [{ children: allTexts(doc).map((text) => new Paragraph({ text })) }] }),
          ),
        );
        rows.push({ lang, format: 'docx', ms: docx, bare: bareDocx });
      }
    }
  } finally {
    await browser.close();
    await renderer.close();
  }
  return rows;
}

async function bench(year: number, label: string): Promise<void> {
  const compile = () => compileReports(database, { period: year, langs: LANGS, formats: ['html', 'pdf', 'docx'] });
  let t0 = performance.now();
  await compile();
  const coldMs = performance.now() - t0;
  t0 = performance.now();
  const outputs: ReportOutput[] = await compile();
  const warmMs = performance.now() - t0;
  console.log(
    `${label}: the 6 outputs (HTML, PDF, DOCX × es, en) in ${Math.round(warmMs)} ms warm (${Math.round(coldMs)} ms cold)`,
  );
  console.log(
    `  sizes: ${outputs.map((o) => `${o.lang} ${o.format} ${(o.bytes.length / 1024).toFixed(0)} KiB`).join(', ')}`,
  );
  t0 = performance.now();
  const inputs = await loadReportInputs(database, { period: year });
  console.log(`  loading the period once: ${Math.round(performance.now() - t0)} ms`);
  const docs: ReportDocument[] = [];
  for (const lang of LANGS) {
    t0 = performance.now();
    docs.push(await reportDocumentOf(inputs, lang));
    console.log(`  ${lang} document (figures, sections): ${Math.round(performance.now() - t0)} ms`);
  }
  console.log('  each format alone:  lang  format   time ms   bare anchor ms   ratio');
  for (const r of await perFormat(docs))
    console.log(
      `                      ${r.lang}    ${r.format.padEnd(5)} ${String(Math.round(r.ms)).padStart(9)}` +
        (r.bare === undefined
          ? '                —'
          : ` ${String(Math.round(r.bare)).padStart(16)} ${(r.ms / r.bare).toFixed(2).padStart(7)}×`),
    );
}

try {
  console.log(
    `load average (1, 5, 15 min): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  const t0 = performance.now();
  await initDatabase(database);
  console.log(`init (2022 seed): ${Math.round(performance.now() - t0)} ms`);
  await bench(2022, '2022 report');
  if (scale > 0) {
    const p2022 = JSON.parse(await exportPeriod(database, 2022, 'json')) as PeriodFile;
    const big = scaled(p2022, 2099, scale);
    const t1 = performance.now();
    await importFiles(database, [{ name: 'scaled.json', bytes: Buffer.from(JSON.stringify(big)) }]);
    console.log(
      `import of the ${scale}× period (${big.activities.length} records): ${Math.round(performance.now() - t1)} ms`,
    );
    await bench(2099, `${scale}× records`);
  }
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
