/**
 * QUALITY I4: every number of the compiled report — in the HTML, the PDF's text and the DOCX's XML —
 * equals the aggregate the database gives for it. Figures are read back out of each output.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/test-db.js';
import { readZip } from '../../../test/zip.js';
import type { ReportDocument } from '../../core/report/document.js';
import { initDatabase } from '../data/init.service.js';
import { buildReportDocument, compileReports, type ReportOutput } from './report.service.js';

const HAS_BROWSER = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdftotext');
const FIG = /<a class="fig" href="#note-(\d+)"[^>]*>([^<]*)<\/a>/g;
const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
const digits = (s: string) => s.replace(/[^\d.]/g, '');

/** Figures of an HTML report in document order, until the annexes. */
function htmlFigures(html: string): { note: number; text: string }[] {
  return [...html.matchAll(FIG)].map((m) => ({ note: Number(m[1]), text: decode(m[2] ?? '') }));
}

/** Whether `needles` occur in `hay` in this order (each a number token). */
function inOrder(hay: string[], needles: string[]): { ok: boolean; missing: string | null } {
  let i = 0;
  for (const n of needles) {
    while (i < hay.length && hay[i] !== n) i++;
    if (i >= hay.length) return { ok: false, missing: n };
    i++;
  }
  return { ok: true, missing: null };
}

const tokens = (text: string) => [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => digits(m[0]));

describe.skipIf(!HAS_BROWSER).each(testEngines())('the compiled 2022 report on %s', (engine) => {
  let t: TestDatabase;
  let outputs: ReportOutput[];
  let doc: ReportDocument;
  const dir = mkdtempSync(join(tmpdir(), 'nap1325-report-'));
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await initDatabase(t);
    outputs = await compileReports(t, { period: 2022, langs: ['en', 'es'], formats: ['html', 'pdf', 'docx'] });
    doc = await buildReportDocument(t, { period: 2022, lang: 'en' });
  }, 120_000);
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  const out = (lang: string, format: string) => outputs.find((o) => o.lang === lang && o.format === format)!;

  it('builds all three formats in both languages', () => {
    expect(outputs.map((o) => o.fileName).sort()).toEqual(
      [
        'nap1325-informe-2022-es.docx',
        'nap1325-informe-2022-es.html',
        'nap1325-informe-2022-es.pdf',
        'nap1325-report-2022-en.docx',
        'nap1325-report-2022-en.html',
        'nap1325-report-2022-en.pdf',
      ].sort(),
    );
    expect(out('en', 'pdf').bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(out('es', 'docx').bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('every figure of the HTML links to a source note whose formula gives exactly that value', () => {
    const html = out('en', 'html').bytes.toString();
    const figures = htmlFigures(html);
    expect(figures.length).toBeGreaterThan(300);
    for (const f of figures) {
      const note = doc.notes.find((n) => n.n === f.note)!;
      expect(note, `note ${f.note}`).toBeDefined();
      expect(digits(f.text)).toBe(digits(note.text));
      expect(html).toContain(`id="note-${f.note}"`);
    }
  });

  it('figures computed from single records and their children equal direct SQL aggregates', async () => {
    let checked = 0;
    for (const note of doc.notes) {
      const m = /^sum\((women|men|quantity) where (id|parent) = "([^"]+)"\)$/.exec(note.formula);
      if (!m) continue;
      const [, field, key, id] = m as unknown as [string, 'women' | 'men' | 'quantity', 'id' | 'parent', string];
      const column = key === 'id' ? 'id' : 'parent_id';
      const row = await sql<{
        v: number | null;
      }>`select sum(${sql.ref(field)}) as v from activity where ${sql.ref(column)} = ${id} and period_year = 2022`.execute(
        t.db,
      );
      const v = row.rows[0]?.v;
      expect(digits(note.text), note.formula).toBe(
        v === null || v === undefined ? '' : digits(new Intl.NumberFormat('en-US').format(Number(v))),
      );
      checked += 1;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('the PDF text and the DOCX XML carry the same figures, in the same order, as the HTML', () => {
    for (const lang of ['en', 'es']) {
      const html = out(lang, 'html').bytes.toString();
      expect(html.indexOf('id="annex-')).toBeGreaterThan(0);
      const body = html.slice(0, html.indexOf('id="annex-'));
      const figures = htmlFigures(body)
        .map((f) => digits(f.text))
        .filter((d) => d !== '');
      expect(figures.length).toBeGreaterThan(300);
      const pdfFile = join(dir, `${lang}.pdf`);
      writeFileSync(pdfFile, out(lang, 'pdf').bytes);
      const pdfText = execFileSync('pdftotext', ['-raw', pdfFile, '-']).toString();
      const pdf = inOrder(tokens(pdfText), figures);
      expect(pdf.missing, `${lang} PDF`).toBeNull();
      const xml = readZip(out(lang, 'docx').bytes).get('word/document.xml')!.toString();
      const docText = decode(
        xml
          .replace(/<w:tab\/>/g, ' ')
          .replace(/<\/w:p>/g, '\n')
          .replace(/<[^>]+>/g, ''),
      );
      const docx = inOrder(tokens(docText), figures);
      expect(docx.missing, `${lang} DOCX`).toBeNull();
    }
  });

  it('where the source stated another number, the report gives the records’ figure with a note', () => {
    const html = out('en', 'html').bytes.toString();
    expect(html).toMatch(/630/);
    expect(html).toMatch(/the records give 630/);
    expect(html).not.toMatch(/>623</);
  });
});
