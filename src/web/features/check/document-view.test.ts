import { describe, expect, it } from 'vitest';
import type { LintFindingDto } from '../../../server/routes/check/check.schemas.js';
import { documentView, segments, whereLabel } from './document-view.js';

const finding = (f: Partial<LintFindingDto>): LintFindingDto => ({
  check: 'parts-total',
  severity: 'error',
  file: 'a.txt',
  page: null,
  line: 1,
  quote: '',
  stated: null,
  computed: null,
  message: { es: 'x', en: 'x' },
  ...f,
  lineEnd: f.lineEnd ?? f.line ?? 1,
});

describe('documentView', () => {
  const lines = [
    { text: 'In 2022, INMUJERES trained 2106 people (**986 women** and 1121 men).', page: null, line: 1 },
    { text: '', page: null, line: 2 },
    { text: 'Men\tWomen', page: null, line: 3 },
  ];

  it('marks the quoted words on their line, or the whole line when the quote is not on it', () => {
    const view = documentView({
      lines,
      findings: [
        finding({ quote: '2106 people (986 women and 1121 men', line: 1 }),
        finding({ quote: 'Men | Women', line: 3, severity: 'info' }),
      ],
    });
    expect(view[0]!.text).toBe('In 2022, INMUJERES trained 2106 people (986 women and 1121 men).');
    expect(view[0]!.marks).toEqual([{ start: 27, end: 62, severity: 'error', finding: 0 }]);
    expect(segments(view[0]!).map((s) => [s.text, s.mark?.severity ?? null])).toEqual([
      ['In 2022, INMUJERES trained ', null],
      ['2106 people (986 women and 1121 men', 'error'],
      [').', null],
    ]);
    expect(view[2]!).toMatchObject({
      id: 'l-3',
      text: 'Men  ·  Women',
      marks: [{ start: 0, end: 13, severity: 'info' }],
    });
  });

  it('numbers a PDF’s lines by page, marks a finding over several lines, and the worst mark wins', () => {
    const pdf = [
      { text: 'A total of 641 police officers were', page: 2, line: 7 },
      { text: 'trained: 324 women and 318 men.', page: 2, line: 8 },
      { text: 'Next page', page: 3, line: 1 },
    ];
    const view = documentView({
      lines: pdf,
      findings: [
        finding({ page: 2, line: 7, lineEnd: 8, quote: '641 police officers were trained: 324 women and 318 men' }),
        finding({ page: 2, line: 8, quote: 'trained', severity: 'warning' }),
      ],
    });
    expect(view.map((v) => [v.id, v.pageStart])).toEqual([
      ['p2-l7', true],
      ['p2-l8', false],
      ['p3-l1', true],
    ]);
    expect(view[0]!.marks[0]).toMatchObject({ start: 11, end: 35 });
    expect(view[1]!.marks.map((m) => [m.start, m.severity])).toEqual([
      [0, 'error'],
      [0, 'warning'],
    ]);
    expect(segments(view[1]!)[0]!.mark?.severity).toBe('error');
  });

  it('says where a finding is', () => {
    const words = { page: 'page', line: 'line', paragraph: 'paragraph' };
    expect(whereLabel(finding({ line: 253 }), words)).toBe('line 253');
    expect(whereLabel(finding({ file: 'a.pdf', page: 3, line: 12, lineEnd: 14 }), words)).toBe('page 3, line 12–14');
    expect(whereLabel(finding({ file: 'a.docx', line: 45 }), words)).toBe('paragraph 45');
  });
});
