/**
 * The report's stylesheet (inlined by render-html.ts): a sober, official look after the Mexican
 * government's reports — guinda and gold on white, one sans-serif family from the system fonts
 * (no font files), A4 print rules.
 */

/** A4 page margins (mm) shared by the CSS @page rule and the PDF renderer's header/footer area. */
export const PAGE_MARGIN_MM = { top: 20, right: 17, bottom: 18, left: 17 } as const;

const m = PAGE_MARGIN_MM;

export function reportCss(): string {
  return `
:root {
  --guinda: #691c32; --guinda-2: #9f2241; --gold: #bc955c; --gold-light: #ddc9a3; --gold-pale: #f6efe3;
  --green: #1e5b4f; --grey: #6f7271; --rule: #d8d3c8; --text: #1f1f1f;
  --sans: "Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif;
  --mono: "DejaVu Sans Mono", "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: var(--sans); font-size: 10.5pt; line-height: 1.5; color: var(--text); background: #fff; }
body.mode-web { background: #f3f1ec; }
.mode-web .sheet { max-width: 54rem; margin: 0 auto; background: #fff; padding: 0 3rem 3rem; box-shadow: 0 0 0 1px var(--rule); }

.draft-strip { position: sticky; top: 0; z-index: 10; padding: 1mm 0; text-align: center; font-size: 9pt; font-weight: 700;
  letter-spacing: .2em; color: #fff; background: var(--guinda-2); border-bottom: .6mm solid var(--gold); }

/* Cover */
.cover { display: flex; flex-direction: column; padding: 0; }
.cover-bar { height: 9mm; background: var(--guinda); border-bottom: 2.2mm solid var(--gold); }
.cover-government { margin: 14mm 0 0; font-size: 12pt; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; color: var(--guinda); }
.cover-government + .cover-plan { margin-top: 4mm; }
.cover-plan { margin: 18mm 0 0; font-size: 13pt; font-weight: 700; letter-spacing: .12em; text-transform: uppercase; color: var(--gold); }
.cover-title { margin: 4mm 0 0; font-size: 30pt; line-height: 1.15; font-weight: 700; color: var(--guinda); }
.cover-period { margin: 3mm 0 0; font-size: 14pt; color: var(--grey); }
.draft-band { margin: 12mm 0 0; padding: 3mm 0; text-align: center; font-size: 16pt; font-weight: 700; letter-spacing: .2em;
  color: #fff; background: var(--guinda-2); border-top: 1mm solid var(--gold); border-bottom: 1mm solid var(--gold); }
.draft-explain { margin: 3mm 0 0; padding: 2mm 3mm; font-size: 9.5pt; line-height: 1.4; color: var(--guinda-2);
  border-left: 1mm solid var(--guinda-2); background: #fbf4f6; }
.cover-institutions { list-style: none; margin: auto 0 0; padding: 6mm 0 0; border-top: .6mm solid var(--gold);
  display: grid; grid-template-columns: repeat(auto-fill, minmax(52mm, 1fr)); gap: 5mm 8mm; }
.cover-institutions li { border-left: .8mm solid var(--gold-light); padding-left: 3mm; }
.acronym { display: block; font-size: 14pt; font-weight: 700; color: var(--guinda); letter-spacing: .04em; }
.inst-name { display: block; font-size: 8.5pt; color: var(--grey); text-transform: uppercase; letter-spacing: .03em; line-height: 1.3; }
.mode-web .cover { padding-bottom: 8mm; }
.mode-web .cover-bar { margin: 0 -3rem; }
.mode-web .cover-institutions { margin-top: 14mm; }

/* Contents */
.toc h2, .annex h2, h2.h-pillar { font-size: 17pt; color: var(--guinda); margin: 0 0 5mm; padding-bottom: 2mm; border-bottom: .6mm solid var(--gold); }
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc li { margin: 1.2mm 0; }
.toc li.toc-2 { padding-left: 8mm; font-size: 9.5pt; }
.toc li.toc-1 { font-weight: 700; margin-top: 3mm; }
.toc a { color: var(--text); text-decoration: none; border-bottom: 1px dotted var(--gold); }
.mode-web .toc { margin-top: 6mm; }

/* Headings */
h2, h3, h4 { break-after: avoid; page-break-after: avoid; line-height: 1.25; }
h2.h-pillar { margin-top: 8mm; text-transform: uppercase; letter-spacing: .04em; display: flex; align-items: baseline; gap: 4mm; }
h2.h-pillar .h-num { display: inline-block; min-width: 11mm; padding: 1mm 2.5mm; text-align: center; color: #fff; background: var(--guinda); }
h3.h-goal { font-size: 13.5pt; color: var(--guinda-2); margin: 7mm 0 2mm; text-transform: uppercase; letter-spacing: .03em; }
h3.h-goal .h-num, h4.h-coa .h-num { color: var(--gold); margin-right: 2mm; }
h4.h-coa { font-size: 11pt; color: var(--text); margin: 5mm 0 2mm; padding-left: 3mm; border-left: 1mm solid var(--gold); }
.lead { margin: 0 0 3mm; font-size: 11pt; font-style: italic; color: #3b3b3b; }
p { margin: 0 0 2.5mm; orphans: 3; widows: 3; }
.p-label { color: var(--guinda); }
ul.list { margin: 0 0 3mm; padding-left: 6mm; }
ul.list li::marker { color: var(--gold); }
a.fig { color: inherit; text-decoration: none; border-bottom: 1px dotted var(--gold); font-variant-numeric: tabular-nums; }
a.fig:hover, a.fig:focus { background: var(--gold-pale); outline: none; }
strong a.fig, a.fig strong { font-weight: 700; }
.note-ref { font-size: 70%; line-height: 0; margin-left: .1em; }
.note-ref a { color: var(--guinda); text-decoration: none; }

/* Tables */
.table-block, .map-block { margin: 4mm 0 5mm; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
caption { caption-side: top; text-align: left; font-weight: 700; color: var(--guinda); padding-bottom: 1.5mm; }
th, td { padding: 1.2mm 2mm; border-bottom: .25mm solid var(--rule); vertical-align: top; text-align: left; }
thead th { background: var(--guinda); color: #fff; font-weight: 700; border-bottom: none; }
tbody tr:nth-child(even) td { background: #faf8f4; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot tr.total td { font-weight: 700; border-top: .5mm solid var(--guinda); border-bottom: .5mm solid var(--guinda); background: var(--gold-pale); }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
/* The total comes once, after the last row (a tfoot would repeat on every page). */
tfoot { display: table-row-group; }
.source { margin: 1.2mm 0 0; font-size: 8.5pt; color: var(--grey); }
.source-label { font-weight: 700; }

/* Callouts */
.callouts { display: flex; flex-wrap: wrap; gap: 4mm; margin: 4mm 0 5mm; }
.callout { flex: 0 1 58mm; min-width: 45mm; break-inside: avoid; page-break-inside: avoid; padding: 4mm 5mm; background: var(--gold-pale);
  border-left: 2mm solid var(--guinda); text-align: left; }
.callout .fig { display: block; width: max-content; font-size: 28pt; font-weight: 700; line-height: 1.1; color: var(--guinda); border-bottom: none; }
.callout-label { display: block; margin-top: 1mm; font-size: 10pt; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; color: var(--gold); }

/* Indicator boxes */
.indicator { break-inside: avoid; page-break-inside: avoid; margin: 4mm 0 5mm; border: .35mm solid var(--rule); border-top: 1.5mm solid var(--guinda); padding: 3mm 4mm; }
.ind-head { display: flex; justify-content: space-between; align-items: center; gap: 4mm; font-size: 8.5pt; }
.ind-code { font-size: 9pt; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; color: var(--guinda); }
.ind-text { margin: 1.5mm 0 2.5mm; font-weight: 700; }
.ind-values { display: flex; flex-wrap: wrap; gap: 2mm 10mm; margin: 0; }
.ind-values dt { font-size: 8pt; text-transform: uppercase; letter-spacing: .05em; color: var(--grey); }
.ind-values dd { margin: 0; font-size: 14pt; font-weight: 700; }
.ind-values .computed dd { color: var(--guinda); }
.status { display: inline-block; padding: .4mm 2.5mm; border-radius: 1mm; font-size: 8.5pt; font-weight: 700; white-space: nowrap; border: .3mm solid; }
.status-met { color: #14493f; background: #e3efe9; border-color: #1e5b4f; }
.status-on-track { color: #6a4b12; background: #f7ecd6; border-color: #a97d2c; }
.status-not-met { color: #7d1733; background: #f6e1e6; border-color: #9f2241; }
.status-in-progress { color: #6a4b12; background: #f7ecd6; border-color: #a97d2c; }
.status-no-target { color: #4a4c4b; background: #eeeeec; border-color: #8c8e8d; }
.status-no-data { color: #4a4c4b; background: #eeeeec; border-color: #8c8e8d; }

/* Maps */
.map-block figcaption { font-weight: 700; color: var(--guinda); margin-bottom: 2mm; break-after: avoid; page-break-after: avoid; }
.map-svg { break-inside: avoid; page-break-inside: avoid; margin: 0 0 3mm; }
.map-svg svg { display: block; width: 100%; height: auto; max-height: 140mm; }
.map-table { margin-top: 2mm; }

/* Notes on the data */
.data-note { break-inside: avoid; page-break-inside: avoid; margin: 4mm 0; padding: 2.5mm 4mm; border: .35mm dashed var(--guinda-2);
  background: #fbf3f5; font-size: 9.5pt; }
.data-note p { margin: 0; }
.data-note-label { color: var(--guinda-2); }

/* Annexes */
.annex { margin-top: 10mm; }
.annex table td.ind-name { min-width: 45mm; }
.annex td.nowrap { white-space: nowrap; }
.annex .calc { font-size: 8.5pt; color: #3b3b3b; }
.source-notes { list-style: none; margin: 0; padding: 0; font-size: 8.5pt; }
.source-notes { columns: 2; column-gap: 7mm; }
.source-notes li { padding: .6mm 0 .6mm 8mm; text-indent: -8mm; line-height: 1.3; border-bottom: .25mm solid var(--rule); break-inside: avoid; page-break-inside: avoid; }
.note-n { display: inline-block; width: 7mm; margin-right: 1mm; text-indent: 0; font-weight: 700; color: var(--guinda); text-align: right; }
.note-key { color: var(--grey); }
.note-value { font-weight: 700; }
.note-count { color: var(--grey); white-space: nowrap; }
code, .formula { font-family: var(--mono); font-size: 8pt; }
.formula { background: #f4f2ee; padding: 0 1mm; word-break: break-word; }
.records code { white-space: nowrap; font-size: 7pt; }

@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
@media print {
  body, body.mode-web { background: #fff; }
  .mode-web .sheet { max-width: none; padding: 0; box-shadow: none; }
  .mode-print .cover { height: ${297 - m.top - m.bottom - 4}mm; break-after: page; page-break-after: always; }
  .mode-print .cover-plan, .mode-print .cover-government { margin-top: 55mm; }
  .mode-print .cover-government + .cover-plan { margin-top: 4mm; }
  .toc { break-after: page; page-break-after: always; }
  h2.h-pillar, .annex { break-before: page; page-break-before: always; margin-top: 0; }
  a.fig { border-bottom: none; }
  .draft-strip { display: none; }
  /* A table that fits on a page is not split (a reader, and the linter, sum a table's rows on one page). */
  .table-block table { break-inside: avoid; page-break-inside: avoid; }
}
`;
}
