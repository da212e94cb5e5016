/**
 * Benchmark: build time of the 2022 report in every format and language, warm (a first compilation warms
 * Chromium, the module caches and the database pages; the second is measured), each output next to a bare
 * anchor doing the least the format needs in one run:
 *   - PDF: Chromium's page.pdf of the same print HTML (browser already running, no header/footer);
 *   - DOCX: the docx package's Packer of the same text as plain paragraphs (no styles, tables, images).
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
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../src/formats/pdf/render-pdf.js';
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

/** The bare anchors of one language: page.pdf of the print HTML and a Packer of the plain text. */
async function anchors(docs: ReportDocument[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    for (let round = 0; round < 2; round++)
      for (const doc of docs) {
        const html = renderHtml(doc, { maps: reportMaps(doc), mode: 'print' });
        let t0 = performance.now();
        const page = await browser.newPage({ javaScriptEnabled: false });
        await page.setContent(html, { waitUntil: 'load' });
        await page.pdf({ format: 'A4', printBackground: true });
        await page.close();
        out.set(`${doc.lang}/pdf`, performance.now() - t0);
        t0 = performance.now();
        const texts = allTexts(doc);
        await Packer.toBuffer(new Document({ sections: [{ children: texts.map((text) => new Paragraph({ text })) }] }));
        out.set(`${doc.lang}/docx`, performance.now() - t0);
      }
  } finally {
    await browser.close();
  }
  return out;
}

async function bench(year: number, label: string): Promise<void> {
  const compile = () => compileReports(database, { period: year, langs: LANGS, formats: ['html', 'pdf', 'docx'] });
  let t0 = performance.now();
  await compile();
  const coldMs = performance.now() - t0;
  t0 = performance.now();
  const outputs: ReportOutput[] = await compile();
  const warmMs = performance.now() - t0;
  const inputs = await loadReportInputs(database, { period: year });
  const bare = await anchors(await Promise.all(LANGS.map((lang) => reportDocumentOf(inputs, lang))));
  console.log(`${label}: 6 outputs in ${Math.round(warmMs)} ms warm (${Math.round(coldMs)} ms cold)`);
  console.log('  lang format  time ms   size KiB   bare anchor ms   ratio');
  for (const o of outputs) {
    const anchor = bare.get(`${o.lang}/${o.format}`);
    console.log(
      `  ${o.lang}   ${o.format.padEnd(5)} ${String(o.ms).padStart(8)} ${(o.bytes.length / 1024).toFixed(0).padStart(10)}` +
        (anchor === undefined
          ? '   —'
          : ` ${String(Math.round(anchor)).padStart(16)} ${(o.ms / anchor).toFixed(2).padStart(7)}×`),
    );
  }
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
