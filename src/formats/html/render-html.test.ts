import { describe, expect, it } from 'vitest';
import type { Block, Figure, ReportDocument } from '../../core/report/document.js';
import { makeReportDocument } from '../../../test/report-fixture.js';
import { escapeHtml, renderHtml } from './render-html.js';
import { DRAFT_WORDS } from '../draft-words.js';

function figuresOf(doc: ReportDocument): Figure[] {
  const out: Figure[] = [];
  for (const b of doc.body) {
    if (b.kind === 'paragraph') for (const p of b.parts) if (p.kind === 'figure') out.push(p.figure);
    if (b.kind === 'table')
      for (const row of [...b.rows, ...(b.total ? [b.total] : [])])
        for (const c of row) if (c.kind === 'figure') out.push(c.figure);
    if (b.kind === 'callout') out.push(b.figure);
    if (b.kind === 'indicator' && b.figure) out.push(b.figure);
    if (b.kind === 'map') for (const d of b.data) out.push(d.figure);
  }
  for (const i of doc.indicators) if (i.figure) out.push(i.figure);
  return out;
}

function blockOf<K extends Block['kind']>(doc: ReportDocument, kind: K): Extract<Block, { kind: K }> {
  const b = doc.body.find((x): x is Extract<Block, { kind: K }> => x.kind === kind);
  if (!b) throw new Error(`fixture has no ${kind}`);
  return b;
}

const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));

describe.each(['es', 'en'] as const)('renderHtml (%s)', (lang) => {
  const doc = makeReportDocument(lang);
  const html = renderHtml(doc, { maps: { 'map-6.1': '<svg class="test-map"><path d="M0 0L1 1Z"/></svg>' } });

  it('is one self-contained HTML5 document in the report language', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|@font-face/i);
    expect(html).not.toMatch(/(src|href)="(?!#)/);
  });

  it('links every figure of the document to its source note, with the formula as tooltip', () => {
    const figures = figuresOf(doc);
    expect(new Set(figures.map((f) => f.note)).size).toBe(doc.notes.length);
    for (const f of figures) {
      const formula = doc.notes.find((n) => n.n === f.note)!.formula;
      const link = `<a class="fig" href="#note-${f.note}" title="${escapeHtml(formula)}">${escapeHtml(f.text)}</a>`;
      expect(html, `figure ${f.text} (note ${f.note})`).toContain(link);
    }
    const present = ids(html);
    for (const m of html.matchAll(/class="fig" href="#(note-\d+)"/g)) expect(present.has(m[1]!)).toBe(true);
    // Each note is short: what the figure counts, its value and how many records (the formula as tooltip);
    // the record ids are in the provenance companion, not in the document.
    const records = (n: number) => (n === 1 ? doc.labels.record : doc.labels.records.toLowerCase());
    for (const n of doc.notes) {
      expect(html).toContain(
        `<li id="note-${n.n}" title="${escapeHtml(n.formula)}"><span class="note-n">${n.n}</span>` +
          `<span class="note-desc">${escapeHtml(n.description)}</span>: <span class="note-value">${escapeHtml(n.text)}</span> ` +
          `<span class="note-count">(${n.recordCount} ${records(n.recordCount)})</span></li>`,
      );
      for (const r of n.recordIds) expect(html).not.toContain(`<code>${r}</code>`);
    }
    for (const p of doc.notesIntro) expect(html).toContain(`<p>${escapeHtml(p)}</p>`);
  });

  it('escapes every text: the fixture script appears as text only', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp;');
    const hostile = makeReportDocument(lang);
    hostile.title = '"><img src=x onerror=alert(1)>';
    hostile.institutions[0]!.name = '</style><script>x</script>';
    blockOf(hostile, 'table').columns[0]!.label = '<b onmouseover=x>';
    blockOf(hostile, 'note').text = '<iframe src="http://evil">';
    const out = renderHtml(hostile);
    expect(out).not.toMatch(/<img|<script|<iframe|<b onmouseover/);
  });

  it('has a table of contents whose anchors resolve, annexes included', () => {
    const nav = html.slice(html.indexOf('<nav class="toc"'), html.indexOf('</nav>'));
    const targets = [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets).toEqual(
      expect.arrayContaining([
        ...doc.toc.map((t) => t.id),
        'annex-indicators',
        'annex-methodology',
        'annex-checker',
        'annex-notes',
      ]),
    );
    const present = ids(html);
    for (const t of targets) expect(present.has(t), t).toBe(true);
    expect(nav).toContain(doc.labels.contents);
  });

  it('numbers headings by level: pillar h2, goal h3, course of action h4', () => {
    expect(html).toMatch(/<h2 class="h-pillar" id="pillar-1"><span class="h-num">1<\/span> <span class="h-text">/);
    // "Goal 2" already carries its number.
    expect(html).toMatch(/<h3 class="h-goal" id="goal-2"><span class="h-text">/);
    expect(html).toMatch(/<h4 class="h-coa" id="coa-2.1"><span class="h-num">2.1<\/span>/);
    expect(html).toContain(`<p class="lead">${escapeHtml(blockOf(doc, 'lead').text)}</p>`);
  });

  it('right-aligns numeric columns, bolds the total row and shows the source', () => {
    const t = blockOf(doc, 'table');
    const table = html.slice(html.indexOf(`id="${t.id}"`), html.indexOf('</figure>', html.indexOf(`id="${t.id}"`)));
    expect(table).toContain(`<caption>${escapeHtml(t.title)}</caption>`);
    expect(table).toMatch(
      /<th scope="col">[^<]+<\/th><th scope="col" class="num">[^<]+<\/th><th scope="col" class="num">/,
    );
    expect(table.match(/<td class="num">/g)).toHaveLength(6);
    expect(table).toMatch(/<tfoot><tr class="total"><td>Total<\/td><td class="num">/);
    expect(table).toContain(`${doc.labels.source}:</span> ${escapeHtml(t.source!)}`);
    expect(html).toMatch(/td\.num, th\.num \{ text-align: right;/);
    expect(html).toMatch(/tr\.total td \{ font-weight: 700;/);
    expect(html).toContain('tfoot { display: table-row-group; }'); // the total is printed once, not on every page
  });

  it('draws callouts, indicator boxes with a coloured and labelled status, and data notes', () => {
    expect(html).toMatch(
      /<aside class="callout" id="h-130"><a class="fig" href="#note-9"[^>]*>630<\/a><span class="callout-label">(REDES|NETWORKS)<\/span>/,
    );
    const ind = html.slice(
      html.indexOf('<section class="indicator"'),
      html.indexOf('</section>', html.indexOf('<section class="indicator"')),
    );
    expect(ind).toContain('27.38%</a>');
    expect(ind).toContain(`<dt>${doc.labels.reported}</dt><dd>40%</dd>`);
    expect(ind).toContain(`<dt>${doc.labels.target}</dt><dd>&gt; 15%</dd>`);
    expect(ind).toContain(`<span class="status status-met">✓ ${doc.labels.statusNames.met}</span>`);
    expect(html).toMatch(/\.status-met \{ color: #[0-9a-f]{6}; background: #[0-9a-f]{6};/);
    expect(html).toContain(`<span class="status status-no-data">– ${doc.labels.statusNames['no-data']}</span>`);
    expect(html).toMatch(/<aside class="data-note" id="note-h-457" role="note"><p><strong class="data-note-label">/);
    // A note whose text already starts with the label does not get it twice.
    const noted = makeReportDocument(lang);
    const own = `${lang === 'es' ? 'Nota sobre los datos' : 'Note on the data'}: 623 ≠ 630.`;
    blockOf(noted, 'note').text = own;
    expect(renderHtml(noted)).toContain(`role="note"><p>${own}</p></aside>`);
  });

  it('follows every map with its data table: entity, value, rate per 100,000 women', () => {
    const m = blockOf(doc, 'map');
    const fig = html.slice(html.indexOf(`id="${m.id}"`), html.indexOf('</figure>', html.indexOf(`id="${m.id}"`)));
    expect(fig.indexOf('<svg class="test-map">')).toBeGreaterThan(0);
    expect(fig.indexOf('<table class="map-table">')).toBeGreaterThan(fig.indexOf('<svg'));
    expect(fig).toContain(`${escapeHtml(doc.labels.per100k)}</th>`);
    expect(fig).toContain(`<th scope="col" class="num">${escapeHtml(m.metric)}</th>`);
    expect(fig).toMatch(
      /<td>Tlaxcala<\/td><td class="num"><a class="fig" href="#note-11"[^>]*>1,925<\/a><\/td><td class="num">2,789.1<\/td>/,
    );
    expect(fig).toMatch(/<td>Ciudad de México<\/td><td class="num">.*>0<\/a><\/td><td class="num">0\.0<\/td>/);
    // Without an SVG the table still comes.
    const bare = renderHtml(doc);
    expect(bare).not.toContain('<svg');
    expect(bare).toContain('<td>Michoacán</td>');
  });

  it('has the cover, the draft band and the annexes in the document language', () => {
    expect(html).toContain(`<h1 class="cover-title">${doc.title}</h1>`);
    // A number stays with the word before it ("Plan 1325" is never split across lines).
    expect(html).toContain(`<p class="cover-plan">${doc.planTitle.replace(' 1325', '\u00a01325')}</p>`);
    expect(html).toContain(`<p class="cover-government">${doc.government}</p>`);
    for (const i of doc.institutions)
      expect(html).toContain(`<span class="acronym">${i.acronym}</span><span class="inst-name">${i.name}</span>`);
    expect(html).toContain(`<p class="draft-band">${lang === 'es' ? 'BORRADOR' : 'DRAFT'}</p>`);
    // The draft says what it is and how the final copy is made.
    expect(html).toContain(`<p class="draft-explain">${escapeHtml(DRAFT_WORDS[lang].explain(doc.period))}</p>`);
    expect(DRAFT_WORDS[lang].explain(2022)).toContain(
      lang === 'es' ? 'Publicar una nueva versión' : 'Publish a new version',
    );
    expect(DRAFT_WORDS[lang].explain(2022)).toContain('nap1325 publish --period 2022');
    for (const label of [
      doc.labels.indicatorsAnnex,
      doc.labels.methodology,
      doc.labels.checker,
      doc.labels.sourceNotes,
    ])
      expect(html).toContain(`<h2>${escapeHtml(label)}</h2>`);
    expect(html).toContain(lang === 'es' ? 'Entidad federativa' : 'Federal entity');
    expect(html).toContain(lang === 'es' ? 'Nota sobre los datos.' : 'Note on the data.');
    expect(html).toContain(`<p>${doc.methodology[0]}</p>`);
    expect(html).toContain(`<p>${doc.checkSummary[0]}</p>`);
    const published = renderHtml({ ...doc, status: 'published' });
    expect(published).not.toContain('draft-band"');
    expect(published).not.toContain('draft-explain"');
    expect(published).not.toContain(doc.labels.draft);
  });

  it('has A4 print rules: page breaks before pillars and annexes, none inside rows and boxes', () => {
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/h2\.h-pillar, \.annex \{ break-before: page;/);
    for (const sel of ['tr', '.callout', '.indicator', '.map-svg', '.data-note'])
      expect(html, sel).toMatch(new RegExp(`\\n${sel.replace('.', '\\.')} \\{[^\\n}]*break-inside: avoid`));
    expect(html).toContain('<body class="mode-print draft">');
    const web = renderHtml(doc, { mode: 'web' });
    expect(web).toContain('<body class="mode-web draft">');
    expect(web).toContain(`<div class="draft-strip" role="status">${DRAFT_WORDS[doc.lang].short}</div>`);
  });
});
