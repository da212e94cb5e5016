/**
 * Renders a ReportDocument as one self-contained HTML5 document: inline CSS, no scripts, no
 * external resources (a Content-Security-Policy forbids any), every text escaped. The same HTML
 * serves the web page and, in 'print' mode, the PDF (A4).
 */
import type {
  Block,
  Figure,
  ReportIndicatorStatus,
  ReportDocument,
  SourceNote,
  TableCell,
} from '../../core/report/document.js';
import { reportCss } from './report-css.js';
import { DRAFT_WORDS } from '../draft-words.js';

export interface RenderHtmlOptions {
  /** Map block id → SVG markup (from renderMapSvg). A map without one shows its table only. */
  maps?: Record<string, string>;
  /** 'print' (default) gives the cover a page of its own; 'web' shows it as a banner. */
  mode?: 'web' | 'print';
}

/** Labels the document does not carry. */
const EXTRA = {
  es: {
    entity: 'Entidad federativa',
    rate: 'Tasa',
    dataNote: 'Nota sobre los datos.',
    indicator: 'Indicador',
    value: 'Valor',
  },
  en: { entity: 'Federal entity', rate: 'Rate', dataNote: 'Note on the data.', indicator: 'Indicator', value: 'Value' },
} as const;

const STATUS_MARK: Record<ReportIndicatorStatus, string> = {
  met: '✓',
  'on-track': '◔',
  'not-met': '✗',
  'no-data': '–',
  'no-target': '–',
  'in-progress': '◔',
};

export const ANNEX_IDS = {
  indicators: 'annex-indicators',
  methodology: 'annex-methodology',
  checker: 'annex-checker',
  notes: 'annex-notes',
} as const;

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderHtml(doc: ReportDocument, options: RenderHtmlOptions = {}): string {
  const mode = options.mode ?? 'print';
  const r = new Renderer(doc, options.maps ?? {});
  const draft = doc.status === 'draft';
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(doc.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${doc.title} — ${doc.planTitle}`)}</title>`,
    `<style>${reportCss()}</style>`,
    '</head>',
    `<body class="mode-${mode}${draft ? ' draft' : ''}">`,
    draft && mode === 'web'
      ? `<div class="draft-strip" role="status">${escapeHtml(DRAFT_WORDS[doc.lang].short)}</div>`
      : '',
    '<div class="sheet">',
    r.cover(),
    r.toc(),
    '<main>',
    r.body(),
    '</main>',
    r.annexes(),
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

class Renderer {
  private readonly notes: Map<number, SourceNote>;
  private readonly x: (typeof EXTRA)['es' | 'en'];
  private readonly nf: Intl.NumberFormat;

  constructor(
    private readonly doc: ReportDocument,
    private readonly maps: Record<string, string>,
  ) {
    this.notes = new Map(doc.notes.map((n) => [n.n, n]));
    this.x = EXTRA[doc.lang];
    this.nf = new Intl.NumberFormat(doc.lang === 'es' ? 'es-MX' : 'en-US', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
  }

  /** Every figure links to its source note; the tooltip shows the note's formula. */
  fig(f: Figure): string {
    const formula = this.notes.get(f.note)?.formula ?? '';
    return `<a class="fig" href="#note-${f.note}" title="${escapeHtml(formula)}">${escapeHtml(f.text)}</a>`;
  }

  cover(): string {
    const d = this.doc;
    const title = d.title.includes(String(d.period)) ? d.title : `${d.title} ${d.period}`;
    const institutions = d.institutions
      .map(
        (i) =>
          `<li><span class="acronym">${escapeHtml(i.acronym)}</span><span class="inst-name">${escapeHtml(i.name)}</span></li>`,
      )
      .join('');
    return [
      '<header class="cover">',
      '<div class="cover-bar"></div>',
      d.government ? `<p class="cover-government">${escapeHtml(d.government)}</p>` : '',
      // "Resolución 1325" never broken across lines: a number stays with the word before it.
      `<p class="cover-plan">${escapeHtml(d.planTitle.replace(/ (?=\d)/g, '\u00a0'))}</p>`,
      `<h1 class="cover-title">${escapeHtml(title)}</h1>`,
      d.status === 'draft'
        ? `<p class="draft-band">${escapeHtml(d.labels.draft)}</p>` +
          `<p class="draft-explain">${escapeHtml(DRAFT_WORDS[d.lang].explain(d.period))}</p>`
        : '',
      institutions ? `<ul class="cover-institutions">${institutions}</ul>` : '',
      '</header>',
    ].join('\n');
  }

  toc(): string {
    const l = this.doc.labels;
    const entries = [
      ...this.doc.toc.map((t) => ({ id: t.id, level: t.level, text: t.text })),
      { id: ANNEX_IDS.indicators, level: 1, text: l.indicatorsAnnex },
      { id: ANNEX_IDS.methodology, level: 1, text: l.methodology },
      { id: ANNEX_IDS.checker, level: 1, text: l.checker },
      { id: ANNEX_IDS.notes, level: 1, text: l.sourceNotes },
    ];
    const items = entries
      .map((e) => `<li class="toc-${e.level}"><a href="#${escapeHtml(e.id)}">${escapeHtml(e.text)}</a></li>`)
      .join('\n');
    return `<nav class="toc" aria-labelledby="toc-title">\n<h2 id="toc-title">${escapeHtml(l.contents)}</h2>\n<ol>\n${items}\n</ol>\n</nav>`;
  }

  body(): string {
    const out: string[] = [];
    const blocks = this.doc.body;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.kind === 'callout') {
        // Consecutive highlighted figures sit side by side.
        const group: string[] = [];
        for (let c = blocks[i]; c?.kind === 'callout'; c = blocks[++i]) group.push(this.callout(c));
        i--;
        out.push(`<div class="callouts">\n${group.join('\n')}\n</div>`);
      } else out.push(this.block(b));
    }
    return out.join('\n');
  }

  block(b: Exclude<Block, { kind: 'callout' }>): string {
    switch (b.kind) {
      case 'heading':
        return this.heading(b);
      case 'lead':
        return `<p class="lead">${escapeHtml(b.text)}</p>`;
      case 'paragraph': {
        const label = b.label ? `<strong class="p-label">${escapeHtml(b.label)}</strong> ` : '';
        const parts = b.parts
          .map((p) =>
            p.kind === 'text'
              ? escapeHtml(p.text)
              : p.kind === 'strong'
                ? `<strong>${escapeHtml(p.text)}</strong>`
                : p.marker
                  ? `${this.fig(p.figure)}<sup class="note-ref">[<a href="#note-${p.figure.note}">${p.figure.note}</a>]</sup>`
                  : this.fig(p.figure),
          )
          .join('');
        return `<p id="${escapeHtml(b.id)}">${label}${parts}</p>`;
      }
      case 'list':
        return `<ul class="list" id="${escapeHtml(b.id)}">${b.items.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>`;
      case 'table':
        return this.table(b);
      case 'indicator':
        return this.indicator(b);
      case 'map':
        return this.map(b);
      case 'chart': {
        // The chart's numbers are the table just before it; without its SVG the table stands alone.
        const svg = this.maps[b.id];
        return svg
          ? `<figure class="map-block chart-block" id="${escapeHtml(b.id)}"><figcaption>${escapeHtml(b.title)}</figcaption>${svg}</figure>`
          : '';
      }
      case 'note': {
        // The label is not repeated when the text already starts with it.
        const stem = (t: string) => t.toLowerCase().replace(/[^\p{L}]/gu, '');
        const label = stem(b.text).startsWith(stem(this.x.dataNote))
          ? ''
          : `<strong class="data-note-label">${escapeHtml(this.x.dataNote)}</strong> `;
        return `<aside class="data-note" id="${escapeHtml(b.id)}" role="note"><p>${label}${escapeHtml(b.text)}</p></aside>`;
      }
    }
  }

  /** Pillar → h2, goal → h3, course of action → h4. The number is not repeated when the text already ends with it ("Goal 2"). */
  heading(b: Extract<Block, { kind: 'heading' }>): string {
    const tag = `h${b.level + 1}`;
    const cls = ['h-pillar', 'h-goal', 'h-coa'][b.level - 1] ?? '';
    const num =
      b.number && !new RegExp(`(^|\\s)${b.number.replace(/\./g, '\\.')}$`).test(b.text.trim())
        ? `<span class="h-num">${escapeHtml(b.number)}</span> `
        : '';
    return `<${tag} class="${cls}" id="${escapeHtml(b.id)}">${num}<span class="h-text">${escapeHtml(b.text)}</span></${tag}>`;
  }

  cell(c: TableCell, numeric: boolean): string {
    const inner = c.kind === 'text' ? escapeHtml(c.text) : this.fig(c.figure);
    return `<td${numeric ? ' class="num"' : ''}>${inner}</td>`;
  }

  table(b: Extract<Block, { kind: 'table' }>): string {
    const cols = b.columns;
    const head = cols
      .map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`)
      .join('');
    const row = (cells: TableCell[]) => cells.map((c, i) => this.cell(c, cols[i]?.numeric ?? false)).join('');
    const rows = b.rows.map((cells) => `<tr>${row(cells)}</tr>`).join('\n');
    const total = b.total ? `<tfoot><tr class="total">${row(b.total)}</tr></tfoot>` : '';
    const source = b.source
      ? `<p class="source"><span class="source-label">${escapeHtml(this.doc.labels.source)}:</span> ${escapeHtml(b.source)}</p>`
      : '';
    return [
      `<figure class="table-block" id="${escapeHtml(b.id)}">`,
      `<table>\n<caption>${escapeHtml(b.title)}</caption>`,
      `<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>${total}\n</table>`,
      source,
      '</figure>',
    ].join('\n');
  }

  callout(b: Extract<Block, { kind: 'callout' }>): string {
    return `<aside class="callout" id="${escapeHtml(b.id)}">${this.fig(b.figure)}<span class="callout-label">${escapeHtml(b.label)}</span></aside>`;
  }

  status(s: ReportIndicatorStatus): string {
    return `<span class="status status-${s}">${STATUS_MARK[s]} ${escapeHtml(this.doc.labels.statusNames[s])}</span>`;
  }

  indicator(b: Extract<Block, { kind: 'indicator' }>): string {
    const l = this.doc.labels;
    const value = (cls: string, label: string, html: string) =>
      `<div class="${cls}"><dt>${escapeHtml(label)}</dt><dd>${html}</dd></div>`;
    const values = [
      value('computed', l.value, b.figure ? this.fig(b.figure) : '—'),
      b.reported !== null ? value('reported', l.reported, escapeHtml(b.reported)) : '',
      value('target', l.target, b.target !== null ? escapeHtml(b.target) : '—'),
    ].join('');
    return [
      `<section class="indicator" id="indicator-${escapeHtml(b.code)}" aria-label="${escapeHtml(`${l.indicator} ${b.code}`)}">`,
      `<div class="ind-head"><span class="ind-code">${escapeHtml(l.indicator)} ${escapeHtml(b.code)}</span>`,
      `<span class="ind-status"><span class="note-key">${escapeHtml(l.status)}:</span> ${this.status(b.status)}</span></div>`,
      `<p class="ind-text">${escapeHtml(b.text)}</p>`,
      `<dl class="ind-values">${values}</dl>`,
      '</section>',
    ].join('\n');
  }

  /** The map (when its SVG is given) and always its data table. */
  map(b: Extract<Block, { kind: 'map' }>): string {
    const svg = this.maps[b.id];
    const rateLabel = `${this.x.rate} ${this.doc.labels.per100k}`;
    const rows = b.data
      .map(
        (d) =>
          `<tr><td>${escapeHtml(d.name)}</td><td class="num">${this.fig(d.figure)}</td>` +
          `<td class="num">${d.ratePer100kWomen === null ? '—' : escapeHtml(this.nf.format(d.ratePer100kWomen))}</td></tr>`,
      )
      .join('\n');
    return [
      `<figure class="map-block" id="${escapeHtml(b.id)}">`,
      `<figcaption>${escapeHtml(b.title)}</figcaption>`,
      svg ? `<div class="map-svg">${svg}</div>` : '',
      `<table class="map-table">`,
      `<thead><tr><th scope="col">${escapeHtml(this.x.entity)}</th><th scope="col" class="num">${escapeHtml(b.metric)}</th><th scope="col" class="num">${escapeHtml(rateLabel)}</th></tr></thead>`,
      `<tbody>\n${rows}\n</tbody>\n</table>`,
      '</figure>',
    ].join('\n');
  }

  annexes(): string {
    const d = this.doc;
    const l = d.labels;
    const indicatorRows = d.indicators
      .map(
        (i) =>
          `<tr><td>${escapeHtml(i.code)}</td><td class="ind-name">${escapeHtml(i.text)}<div class="calc"><span class="note-key">${escapeHtml(l.calculation)}:</span> ${escapeHtml(i.calculation)}</div></td>` +
          `<td class="num">${i.figure ? this.fig(i.figure) : '—'}</td><td class="nowrap">${i.target !== null ? escapeHtml(i.target) : '—'}</td><td>${this.status(i.status)}</td></tr>`,
      )
      .join('\n');
    const paragraphs = (ps: string[]) => ps.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
    // Short notes (what the figure counts, how many records); formulas and record ids are in the companion file.
    const notes = d.notes
      .map(
        (n) =>
          `<li id="note-${n.n}" title="${escapeHtml(n.formula)}"><span class="note-n">${n.n}</span>` +
          `<span class="note-desc">${escapeHtml(n.description)}</span>: <span class="note-value">${escapeHtml(n.text)}</span> ` +
          `<span class="note-count">(${n.recordCount} ${escapeHtml(n.recordCount === 1 ? l.record : l.records.toLowerCase())})</span></li>`,
      )
      .join('\n');
    return [
      `<section class="annex" id="${ANNEX_IDS.indicators}">\n<h2>${escapeHtml(l.indicatorsAnnex)}</h2>`,
      `<table class="indicators-table"><thead><tr><th scope="colgroup" colspan="2">${escapeHtml(l.indicator)}</th>` +
        `<th scope="col" class="num">${escapeHtml(l.value)}</th><th scope="col">${escapeHtml(l.target)}</th><th scope="col">${escapeHtml(l.status)}</th></tr></thead>`,
      `<tbody>\n${indicatorRows}\n</tbody></table>\n</section>`,
      `<section class="annex" id="${ANNEX_IDS.methodology}">\n<h2>${escapeHtml(l.methodology)}</h2>\n${paragraphs(d.methodology)}\n</section>`,
      `<section class="annex" id="${ANNEX_IDS.checker}">\n<h2>${escapeHtml(l.checker)}</h2>\n${paragraphs(d.checkSummary)}\n</section>`,
      `<section class="annex" id="${ANNEX_IDS.notes}">\n<h2>${escapeHtml(l.sourceNotes)}</h2>\n${paragraphs(d.notesIntro)}\n<ol class="source-notes">\n${notes}\n</ol>\n</section>`,
    ].join('\n');
  }
}
