/**
 * Renders the monthly bulletin as one self-contained HTML5 document (inline CSS and SVG, no scripts,
 * nothing fetched — a Content-Security-Policy forbids it; every text escaped). 'web' for the browser
 * and downloads, 'print' for the PDF. Every figure links to its source note, the formula as tooltip.
 */
import type {
  BulletinBlock,
  BulletinDocument,
  BulletinNote,
  Figure,
  TableCell,
} from '../../core/incidence/bulletin-document.js';
import { bulletinCss } from './bulletin-css.js';
import { escapeHtml } from './render-html.js';

export interface RenderBulletinHtmlOptions {
  /** Block id → SVG markup of its chart or map. A chart or map without one shows its table only. */
  svgs?: Record<string, string>;
  mode?: 'web' | 'print';
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
const noteId = (n: number) => `bn-${n}`;

export function renderBulletinHtml(doc: BulletinDocument, options: RenderBulletinHtmlOptions = {}): string {
  const mode = options.mode ?? 'web';
  const svgs = options.svgs ?? {};
  const notes = new Map(doc.notes.map((n) => [n.n, n]));
  const e = escapeHtml;
  const fig = (f: Figure) =>
    `<a class="fig" href="#${noteId(f.note)}" title="${e(notes.get(f.note)?.formula ?? '')}">${e(f.text)}</a>`;
  const cell = (c: TableCell, numeric: boolean) =>
    `<td${numeric ? ' class="num"' : ''}>${c.kind === 'text' ? e(c.text) : fig(c.figure)}</td>`;
  const source = (s: string) =>
    `<p class="source"><span class="source-label">${e(doc.labels.source)}:</span> ${e(s)}</p>`;

  const block = (b: BulletinBlock): string => {
    switch (b.kind) {
      case 'paragraph':
        return `<p>${b.parts.map((p) => (p.kind === 'figure' ? fig(p.figure) : p.kind === 'strong' ? `<strong>${e(p.text)}</strong>` : e(p.text))).join('')}</p>`;
      case 'note':
        return `<aside class="data-note" role="note"><p>${e(b.text)}</p></aside>`;
      case 'table': {
        const head = b.columns
          .map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${e(c.label)}</th>`)
          .join('');
        const row = (cells: TableCell[], cls = '') =>
          `<tr${cls}>${cells.map((c, i) => cell(c, b.columns[i]?.numeric ?? false)).join('')}</tr>`;
        return [
          `<figure class="table-block ${b.rows.length <= 12 ? 'keep' : b.rows.length > 20 ? 'long' : ''}" id="${e(b.id)}"><div class="table-scroll"><table>`,
          `<caption>${e(b.title)}</caption>`,
          `<thead><tr>${head}</tr></thead>`,
          `<tbody>\n${b.rows.map((r) => row(r)).join('\n')}${b.total ? `\n${row(b.total, ' class="total"')}` : ''}\n</tbody>`,
          `</table></div>${source(b.source)}</figure>`,
        ].join('\n');
      }
      case 'chart': {
        const svg = svgs[b.id];
        return [
          `<figure class="chart-block" id="${e(b.id)}">`,
          `<figcaption>${e(b.title)}</figcaption>`,
          svg ? `<div class="chart-svg">${svg}</div>` : '',
          source(b.source),
          '</figure>',
        ].join('\n');
      }
      case 'map': {
        const svg = svgs[b.id];
        return [
          `<figure class="map-block" id="${e(b.id)}">`,
          `<figcaption>${e(b.title)}</figcaption>`,
          svg ? `<div class="map-svg">${svg}</div>` : '',
          source(b.source),
          '</figure>',
        ].join('\n');
      }
    }
  };

  const kpis = doc.highlights
    .map(
      (h) =>
        `<div class="kpi">${fig(h.figure)}<span class="kpi-label">${e(h.label)}</span>${h.detail ? `<span class="kpi-detail">${e(h.detail)}</span>` : ''}</div>`,
    )
    .join('\n');
  const sections = doc.sections
    .map(
      (s) =>
        `<section class="bsec" id="${e(s.id)}" aria-labelledby="${e(s.id)}-h">\n` +
        `<h2 class="bsec-title" id="${e(s.id)}-h"><span class="bsec-num">${s.number}</span><span>${e(s.title)}</span></h2>\n` +
        `${s.blocks.map(block).join('\n')}\n</section>`,
    )
    .join('\n');
  const noteItem = (n: BulletinNote) =>
    `<li id="${noteId(n.n)}"><span class="note-n">${n.n}</span><strong>${e(n.text)}</strong> · ` +
    `<span class="note-key">${e(doc.labels.formula)}:</span> <code class="formula">${e(n.formula)}</code> · ` +
    `<span class="note-key">${e(doc.labels.source)}:</span> ${e(n.source)}${n.population ? ` · ${e(n.population)}` : ''} · ${n.leaves} ${e(doc.labels.leaves)}</li>`;
  const draft = doc.status === 'draft';
  return [
    '<!DOCTYPE html>',
    `<html lang="${e(doc.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(`${doc.title} — ${doc.subtitle}`)}</title>`,
    `<style>${bulletinCss()}</style>`,
    '</head>',
    `<body class="mode-${mode}${draft ? ' draft' : ''}">`,
    draft && mode === 'web' ? `<div class="draft-strip" role="status">${e(doc.labels.draft)}</div>` : '',
    '<div class="sheet">',
    '<header class="masthead">',
    `<div class="issuer"><span>${doc.issuer.map((i, k) => (k === 0 ? `<strong>${e(i)}</strong>` : e(i))).join(' · ')}</span><span>${e(doc.plan)}</span></div>`,
    `<h1>${e(doc.title)}</h1>`,
    `<p class="subtitle">${e(doc.subtitle)}</p>`,
    `<p class="issued">${e(doc.issued)}</p>`,
    draft ? `<p class="draft-band">${e(doc.labels.draft)}</p>` : '',
    '</header>',
    '<main>',
    `<section class="key-figures" aria-labelledby="kpi-h"><h2 id="kpi-h">${e(doc.labels.keyFigures)}</h2>\n<div class="kpis">\n${kpis}\n</div></section>`,
    sections,
    `<section class="bsec break" id="notes" aria-labelledby="notes-h">`,
    `<h2 class="bsec-title" id="notes-h"><span class="bsec-num">${doc.sections.length + 1}</span><span>${e(doc.labels.notes)}</span></h2>`,
    `<dl class="methodology">${doc.methodology.map((m) => `<dt>${e(m.title)}</dt><dd>${e(m.text)}</dd>`).join('\n')}</dl>`,
    `<h3>${e(doc.labels.dataSources)}</h3>`,
    `<dl class="data-sources">${doc.dataSources.map((d) => `<dt>${e(d.key)}</dt><dd>${e(d.text)}</dd>`).join('')}</dl>`,
    `<h3>${e(doc.labels.sourceNotes)}</h3>`,
    `<ol class="source-notes">\n${doc.notes.map(noteItem).join('\n')}\n</ol>`,
    '</section>',
    '</main>',
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
