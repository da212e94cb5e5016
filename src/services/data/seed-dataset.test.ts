/**
 * The embedded dataset against its source document (data/seed/source/…): every figure the report
 * states is in the data (as a record value behind a claim), and every passage of the report can be
 * rebuilt from the data alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { periodFileSchema, type PeriodFile } from '../../core/schemas/period.schema.js';
import { planFileSchema } from '../../core/schemas/plan.schema.js';
import { seedFiles } from './init.service.js';

const SOURCE = readFileSync(
  new URL('../../../data/seed/source/nap1325-second-report-2022.en.txt', import.meta.url),
  'utf8',
).split('\n');
const files = seedFiles();
const plan = planFileSchema.parse(JSON.parse(files[0]!.bytes.toString()));
const periods: PeriodFile[] = files.slice(1).map((f) => periodFileSchema.parse(JSON.parse(f.bytes.toString())));
const claims = periods.flatMap((p) => p.claims);

const norm = (s: string) =>
  s
    .replace(/\*\*/g, '')
    .replace(/<\/?p>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const NUMBER = /(?<![\w.])\d[\d,]*(?:\.\d+)?/g;
const MONTH =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b/;

/** Why a number of the source is not a figure, or null when it is one. */
function notAFigure(raw: string, line: string, token: string, at: number, claimed: boolean): string | null {
  const value = Number(token.replace(/,/g, ''));
  const before = line.slice(Math.max(0, at - 8), at);
  const after = line.slice(at + token.length, at + token.length + 4);
  const around = line.slice(Math.max(0, at - 25), at + token.length + 25);
  if (/^(GOAL|COURSE OF ACTIONS?) \d+$|^\d+$|^- \d+ [A-Z ]+$/.test(line)) return 'heading number';
  if (token === '1325' || (token === '2000' && line.includes('1325 (2000)'))) return 'name of the resolution';
  if (/^(19|20)\d\d$/.test(token) && !claimed) return 'year';
  if (value <= 31 && MONTH.test(around) && !claimed) return 'day of a date';
  if (/^(st|nd|rd|th|-A| a\.)/i.test(after) || /No\. ?$/.test(before)) return 'ordinal or unit name';
  if (/(point|Goal) $/.test(before)) return 'number in a name';
  if (at === 0 && /^\d+\t/.test(raw.trim())) return 'row number of a table';
  return null;
}

/** A claim covers a number of a line when it quotes that line and states that number (or a number ending in it: "One thousand 159"). */
function claimed(line: string, token: string): boolean {
  const digits = token.replace(/,/g, '');
  return claims.some((c) => {
    const q = norm(c.quote);
    return (
      q.length > 0 &&
      line.includes(q) &&
      q.includes(token) &&
      (c.stated === Number(digits) || String(c.stated).endsWith(digits))
    );
  });
}

/** A number printed in an indicator's own text is its target, in the plan. */
function inPlan(line: string, token: string): boolean {
  return plan.indicators.some((i) => line.includes(norm(i.text.en).slice(0, 40)) && i.target?.value === Number(token));
}

describe('the 2022 dataset', () => {
  it('has every figure the report states, each behind a claim', () => {
    const missing: string[] = [];
    SOURCE.forEach((raw, i) => {
      const line = norm(raw).replace(/<?https?:\/\/\S+/g, '');
      for (const m of line.matchAll(NUMBER)) {
        const token = m[0].replace(/,$/, '');
        const isClaimed = claimed(norm(raw), token);
        if (isClaimed || inPlan(line, token) || notAFigure(raw, line, token, m.index, isClaimed) !== null) continue;
        missing.push(`line ${i + 1}: ${token} in "${line.slice(Math.max(0, m.index - 30), m.index + 30)}"`);
      }
    });
    expect(missing).toEqual([]);
  });

  it('every claim quotes the report verbatim and states a number that the quote prints', () => {
    const text = SOURCE.map(norm);
    const bad = claims.filter((c) => !text.some((l) => l.includes(norm(c.quote))));
    expect(bad.map((c) => c.id)).toEqual([]);
  });
});

describe('rebuilding the 2022 report from the data', () => {
  /** Each narrative's English text as a pattern: its placeholders match any printed number or number word. */
  const patterns = periods.flatMap((p) =>
    p.narratives.map((n) => {
      const parts = norm(n.text.en).split(/\{[a-zA-Z][a-zA-Z0-9_]*\}/);
      const escaped = parts.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return new RegExp(`^${escaped.join('[A-Za-z0-9,. -]+?')}$`);
    }),
  );
  const texts = [
    ...periods.flatMap((p) => p.outline.map((o) => norm(o.printed))),
    ...periods.flatMap((p) =>
      p.tables.flatMap((t) => [
        norm(t.title.en),
        ...t.columns.map((c) => norm(c.label.en)),
        ...t.rows.map((r) => norm(r.label.en)),
      ]),
    ),
    ...periods.flatMap((p) => p.callouts.map((c) => norm(c.label.en))),
    ...periods.flatMap((p) => p.indicatorValues.map((v) => norm(v.display.en))),
    ...periods.flatMap((p) => p.tables.map((t) => (t.source ? norm(`SOURCE: ${t.source.en}`) : ''))),
    ...periods.flatMap((p) => p.tables.map((t) => norm(t.columns.map((c) => c.label.en).join(' ')))),
    ...plan.pillars.map((p) => norm(`${p.number} ${p.title.en}`)),
    ...periods.flatMap((p) => [norm(p.source?.en ?? '')]),
    ...plan.institutions.flatMap((i) => [norm(i.name.es), norm(i.acronym)]),
    norm(plan.title.en),
    ...periods.flatMap((p) => p.activities.flatMap((a) => a.items.map((i) => norm(i.en)))),
    ...claims.map((c) => norm(c.quote)),
  ].map((t) => t.toLowerCase());
  /** A printed list marker ("- ", "a. ", "B. ") is data (label), not text. */
  const unmark = (t: string) => t.replace(/^- /, '').replace(/^[A-Za-z0-9]{1,2}\. /, '');
  /** Layout of the printed document, not content: the indicator box header and the back-cover signature. */
  const LAYOUT = ['indicator number', 'gobierno de méxico'];

  it('accounts for every line of the report: narrative, heading, table, highlighted figure or indicator box', () => {
    const lines = SOURCE.map((raw, i) => ({ line: i + 1, text: norm(raw).replace(/<([^>]+)>/g, '$1') })).filter(
      ({ text }) => text.length > 0,
    );
    const unaccounted = lines
      .map((l, k) => ({ ...l, k }))
      .filter(({ text }) => !/^[\d,.%]+$/.test(text) && !LAYOUT.includes(text.toLowerCase()))
      .filter(({ text, k }) => {
        // A paragraph may be broken over two printed lines.
        const prev = lines[k - 1]?.text ?? '';
        const next = lines[k + 1]?.text ?? '';
        const candidates = [text, `${prev} ${text}`, `${text} ${next}`, `${prev} ${text} ${next}`].flatMap((c) => [
          c,
          unmark(c),
        ]);
        const lower = unmark(text).toLowerCase();
        return !candidates.some((c) => patterns.some((re) => re.test(c))) && !texts.some((t) => t.includes(lower));
      })
      .map(({ line, text }) => `${line}: ${text.slice(0, 80)}`);
    expect(unaccounted).toEqual([]);
  });
});
