/**
 * `lint` on the 2022 report's original text (data/seed/source/), as TXT and as the DOCX and PDF made
 * from it: every inconsistency of docs/seed-findings.md that the text alone shows is found (the
 * number in each comment), and nothing else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxFromText, pdfFromText } from '../../../test/lint-documents.js';
import { SEED_DIR } from '../../config/paths.js';
import type { LintFinding } from '../../core/lint/index.js';
import { lintDocuments } from './lint.service.js';

const NAME = 'nap1325-second-report-2022.en';
const TEXT = readFileSync(join(SEED_DIR, 'source', `${NAME}.txt`), 'utf8');

/** Line, check, stated, computed — with the seed finding each one is. */
const EXPECTED: [number, string, number | null, number | null][] = [
  [103, 'table-row-shifted', null, null], // 22
  [104, 'table-column-total', 3, null], // 10
  [110, 'heading-missing', null, null], // 11
  [112, 'list-count', 14, 13], // 1
  [128, 'count-date-ranges', 3, 2], // 2
  [164, 'list-disorder', null, null], // 13
  [223, 'number-format', 1159, null], // 23
  [253, 'parts-total', 2106, 2107], // 3
  [253, 'number-format', 2106, null], // 24
  [260, 'same-activity-differs', 997, 1471], // 12
  [261, 'table-column-total', 1121, 1120], // 3
  [261, 'number-format', 1121, null], // 24
  [306, 'table-columns-order', null, null], // 25
  [379, 'relation-in-words', 50, 43.24], // 4
  [412, 'heading-misspelt', null, null], // 27
  [457, 'stated-differently', 623, 630], // 6
  [460, 'stated-differently', 18280, 18432], // 7
  [506, 'heading-duplicate', null, null], // 17
  [661, 'stray-markup', null, null], // 29
  [683, 'list-gap', null, null], // 19
  [700, 'date-outside-year', 2023, 2022], // 20 (and why indicator 7.2.1, #9, is off)
  [710, 'two-names', null, null], // 31
  [737, 'same-activity-differs', 296, 464], // 14
];
const what = (f: LintFinding) => `${f.check} ${f.stated} ${f.computed}`;
const expected = EXPECTED.map(([, check, stated, computed]) => `${check} ${stated} ${computed}`);

describe('lint on the 2022 report', () => {
  it('finds, in the plain text, every inconsistency the text shows, at its line, with its message in both languages', async () => {
    const r = await lintDocuments([{ name: `${NAME}.txt`, bytes: Buffer.from(TEXT) }]);
    const [file] = r.files;
    expect(file!.year).toBe(2022);
    expect(file!.findings.map((f) => [f.line, f.check, f.stated, f.computed])).toEqual(EXPECTED);
    expect(r.summary).toEqual({ error: 6, warning: 9, info: 8 });
    for (const f of file!.findings) {
      expect(f.page).toBeNull();
      expect(f.quote.length).toBeGreaterThan(0);
      expect(f.message.es).not.toEqual(f.message.en);
      expect(f.message.es.length).toBeGreaterThan(20);
    }
    const men = file!.findings.find((f) => f.check === 'parts-total')!;
    expect(men.message.en).toBe('2,106 is not the sum of its parts: 986 women + 1,121 men = 2,107.');
    expect(men.message.es).toBe('2,106 no es la suma de sus partes: 986 mujeres + 1,121 hombres = 2,107.');
  });

  it('finds the same in a Word document made from the text, by paragraph', async () => {
    const bytes = await docxFromText(TEXT);
    const r = await lintDocuments([{ name: `${NAME}.docx`, bytes }]);
    expect(r.files[0]!.findings.map(what)).toEqual(expected);
  });

  describe('in a PDF made from the text', () => {
    let findings: LintFinding[];
    beforeAll(async () => {
      const bytes = await pdfFromText(TEXT);
      findings = (await lintDocuments([{ name: `${NAME}.pdf`, bytes }])).files[0]!.findings;
    }, 120_000);

    it('finds the same by page and line (a PDF has no cells, so a shifted row cannot be seen)', () => {
      expect(findings.map(what)).toEqual(expected.filter((e) => !e.startsWith('table-row-shifted')));
      expect(findings.every((f) => f.page !== null && f.page >= 1)).toBe(true);
      // Where Chromium breaks the pages depends on its version (the INMUJERES table, a sentence of
      // dates); lint.test.ts ("a paged document") pins tables and sentences broken by a page.
      const men = findings.find((f) => f.check === 'table-column-total' && f.stated === 1121)!;
      const rows = findings.find((f) => f.check === 'same-activity-differs' && f.stated === 997)!;
      expect(men.page).toBeGreaterThanOrEqual(rows.page!);
    });
  });
});
