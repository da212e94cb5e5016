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
import { compileExpression, evaluateExpression } from '../../core/expressions/index.js';
import { formatFigure } from '../../core/report/figures.js';
import type { ProvenanceFile } from '../../core/report/provenance.js';
import { createSqlSource } from '../../db/queries/sql-figure-source.js';
import { initDatabase } from '../data/init.service.js';
import { compileReports, type ReportOutput } from './report.service.js';

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
  const dir = mkdtempSync(join(tmpdir(), 'nap1325-report-'));
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await initDatabase(t);
    outputs = await compileReports(t, {
      period: 2022,
      langs: ['en', 'es'],
      formats: ['html', 'pdf', 'docx'],
      companion: true,
    });
  }, 120_000);
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  const out = (lang: string, format: string) => outputs.find((o) => o.lang === lang && o.format === format)!;
  /** The provenance companion written with the report: every note's formula, value and record ids. */
  const companion = (lang: string) => JSON.parse(out(lang, 'provenance').bytes.toString()) as ProvenanceFile;

  it('builds all three formats in both languages', () => {
    expect(outputs.map((o) => o.fileName).sort()).toEqual(
      [
        'nap1325-informe-2022-es.docx',
        'nap1325-informe-2022-es.html',
        'nap1325-informe-2022-es.pdf',
        'nap1325-report-2022-en.docx',
        'nap1325-report-2022-en.html',
        'nap1325-report-2022-en.pdf',
        'nap1325-informe-2022-es.provenance.json',
        'nap1325-report-2022-en.provenance.json',
      ].sort(),
    );
    expect(out('en', 'pdf').bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(out('es', 'docx').bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('every figure of the HTML links to a note whose formula, in the companion file, gives exactly that value', async () => {
    // The document's notes are short; the promise is kept through the provenance companion: each of its
    // formulas is evaluated again, here by the database (SQL), and must give the printed value and the same records.
    const sqlSource = createSqlSource(t.db, t.engine);
    for (const lang of ['en', 'es'] as const) {
      const html = out(lang, 'html').bytes.toString();
      const file = companion(lang);
      expect(file).toMatchObject({ format: 'nap1325/report-provenance@1', period: 2022, lang });
      const notes = new Map(file.notes.map((n) => [n.n, n]));
      const figures = htmlFigures(html);
      expect(figures.length).toBeGreaterThan(300);
      for (const f of figures) {
        const note = notes.get(f.note)!;
        expect(note, `note ${f.note}`).toBeDefined();
        expect(digits(f.text)).toBe(digits(note.text));
        expect(html).toContain(`id="note-${f.note}"`);
      }
      for (const note of file.notes) {
        const compiled = compileExpression(note.formula);
        if (!compiled.ok) throw new Error(`${note.n}: ${note.formula}`);
        const v = await evaluateExpression(compiled.ast, sqlSource, { period: 2022 });
        expect(note.text, `${lang} note ${note.n}: ${note.formula}`).toBe(formatFigure(v.value, v.type, lang));
        if (v.value === null || note.value === null) expect(note.value).toBe(v.value);
        else expect(Math.abs(note.value - v.value)).toBeLessThan(1e-9);
        expect(note.recordIds, `${lang} note ${note.n}`).toEqual(v.recordIds);
        expect(note.recordCount).toBe(v.recordIds.length);
        expect(note.description.length).toBeGreaterThan(0);
      }
    }
  });

  it('figures computed from single records and their children equal direct SQL aggregates', async () => {
    let checked = 0;
    for (const note of companion('en').notes) {
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

  it('a number the source states that the records cannot verify stays as stated, with the records’ figure and its note beside it', () => {
    // "implemented in 31 federal entities": the records name 28 (FOBAM's entities are not named).
    for (const [lang, stated, beside] of [
      ['en', 'was implemented in 31 federal entities (the records give ', '; not enough to verify the stated figure)'],
      [
        'es',
        'se implementó en 31 entidades federativas (los registros dan ',
        '; no bastan para comprobar la cifra enunciada)',
      ],
    ] as const) {
      const html = out(lang, 'html').bytes.toString();
      const m = new RegExp(
        // The records' figure, then its note number as a visible marker (printed in the PDF too).
        `${stated.replace(/[()]/g, '\\$&')}<a class="fig" href="#note-(\\d+)"[^>]*>28</a>` +
          `<sup class="note-ref">\\[<a href="#note-\\1">\\1</a>\\]</sup>${beside.replace(/[()]/g, '\\$&')}`,
      ).exec(html);
      expect(m, lang).not.toBeNull();
      const note = companion(lang).notes.find((n) => n.n === Number(m![1]))!;
      expect(note.formula).toBe('distinct(state where kind = "network" and coa = "6.1")');
      expect(note.value).toBe(28);
      expect(html).not.toMatch(/(implementó en|implemented in) <a class="fig"[^>]*>28</);
    }
  });
});
