/**
 * The monthly bulletin's stylesheet: a government statistical bulletin — guinda and gold on white,
 * a header band with the issuing institutions, key figures in boxes, numbered sections, compact
 * tables with the source under each, A4 print rules. System fonts only.
 */
import { PAGE_MARGIN_MM } from './report-css.js';

const m = PAGE_MARGIN_MM;

export function bulletinCss(): string {
  return `
:root {
  --guinda: #691c32; --guinda-2: #9f2241; --gold: #bc955c; --gold-light: #ddc9a3; --gold-pale: #f6efe3;
  --grey: #6f7271; --rule: #d8d3c8; --text: #1f1f1f;
  --sans: "Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif;
  --mono: "DejaVu Sans Mono", "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: var(--sans); font-size: 10pt; line-height: 1.45; color: var(--text); background: #fff; }
body.mode-web { background: #f3f1ec; }
.mode-web .sheet { max-width: 56rem; margin: 0 auto; background: #fff; padding: 0 2.5rem 2.5rem; box-shadow: 0 0 0 1px var(--rule); }
.draft-strip { position: sticky; top: 0; z-index: 10; padding: 1mm 0; text-align: center; font-size: 9pt; font-weight: 700;
  letter-spacing: .2em; color: #fff; background: var(--guinda-2); border-bottom: .6mm solid var(--gold); }

/* Masthead */
.masthead { border-top: 7mm solid var(--guinda); border-bottom: .8mm solid var(--gold); padding: 4mm 0 4mm; margin-bottom: 5mm; }
.mode-web .masthead { margin: 0 -2.5rem 5mm; padding: 4mm 2.5rem; }
.issuer { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 2mm 8mm; font-size: 8pt; letter-spacing: .06em;
  text-transform: uppercase; color: var(--grey); }
.issuer strong { color: var(--guinda); letter-spacing: .08em; }
.masthead h1 { margin: 4mm 0 1mm; font-size: 20pt; line-height: 1.15; color: var(--guinda); }
.subtitle { margin: 0; font-size: 13pt; font-weight: 700; color: var(--gold); }
.issued { margin: 1.5mm 0 0; font-size: 8.5pt; color: var(--grey); }
.draft-band { margin: 3mm 0 0; padding: 1.5mm 0; text-align: center; font-size: 11pt; font-weight: 700; letter-spacing: .25em;
  color: #fff; background: var(--guinda-2); }

/* Key figures */
.key-figures h2 { font-size: 10pt; text-transform: uppercase; letter-spacing: .1em; color: var(--grey); margin: 0 0 2mm; border: none; padding: 0; }
.kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 0 0 5mm; }
.kpi { padding: 3mm 4mm; background: var(--gold-pale); border-left: 1.6mm solid var(--guinda); break-inside: avoid; page-break-inside: avoid; }
.kpi .fig { display: block; font-size: 21pt; font-weight: 700; line-height: 1.1; color: var(--guinda); border-bottom: none; }
.kpi-label { display: block; margin-top: 1mm; font-size: 8.5pt; font-weight: 700; color: #3b3b3b; }
.kpi-detail { display: block; font-size: 8.5pt; color: var(--guinda-2); }

/* Sections */
section.bsec { margin: 6mm 0 0; }
h2.bsec-title { display: flex; align-items: baseline; gap: 3mm; font-size: 14pt; color: var(--guinda); margin: 0 0 3mm; padding-bottom: 1.5mm;
  border-bottom: .5mm solid var(--gold); break-after: avoid; page-break-after: avoid; }
.bsec-num { display: inline-block; min-width: 8mm; padding: .5mm 2mm; text-align: center; font-size: 11pt; color: #fff; background: var(--guinda); }
p { margin: 0 0 2.5mm; orphans: 3; widows: 3; }
a.fig { color: inherit; text-decoration: none; border-bottom: 1px dotted var(--gold); font-variant-numeric: tabular-nums; font-weight: 700; }
a.fig:hover, a.fig:focus { background: var(--gold-pale); outline: none; }
td a.fig { font-weight: inherit; }

/* Tables, charts, maps */
figure { margin: 3mm 0 5mm; }
figcaption, caption { caption-side: top; text-align: left; font-weight: 700; font-size: 9.5pt; color: var(--guinda); padding-bottom: 1.5mm;
  break-after: avoid; page-break-after: avoid; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
th, td { padding: .9mm 1.8mm; border-bottom: .25mm solid var(--rule); vertical-align: top; text-align: left; }
thead th { background: var(--guinda); color: #fff; font-weight: 700; border-bottom: none; }
tbody tr:nth-child(even) td { background: #faf8f4; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.num { white-space: normal; }
figure.keep, figure.map-block, figure.chart-block { break-inside: avoid; page-break-inside: avoid; }
tr.total td { font-weight: 700; border-top: .5mm solid var(--guinda); border-bottom: .5mm solid var(--guinda); background: var(--gold-pale); }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
.source { margin: 1mm 0 0; font-size: 7.5pt; color: var(--grey); }
.source-label { font-weight: 700; }
.chart-svg svg, .map-svg svg { display: block; width: 100%; height: auto; }
.map-svg svg { max-height: 120mm; }
.chart-svg, .map-svg { break-inside: avoid; page-break-inside: avoid; }
.data-note { break-inside: avoid; page-break-inside: avoid; margin: 2mm 0 4mm; padding: 2.5mm 4mm; border: .35mm dashed var(--guinda-2);
  background: #fbf3f5; font-size: 9pt; }
.data-note p { margin: 0; }

/* Notes */
.methodology dt { font-weight: 700; color: var(--guinda); margin-top: 2mm; }
.methodology dd { margin: 0 0 1mm; font-size: 9pt; }
.data-sources { display: grid; grid-template-columns: 6mm 1fr; gap: .5mm 2mm; font-size: 8.5pt; margin: 0 0 3mm; }
.data-sources dt { font-weight: 700; color: var(--guinda); }
.data-sources dd { margin: 0; }
.source-notes { list-style: none; margin: 0; padding: 0; font-size: 7.5pt; columns: 2; column-gap: 6mm; }
.source-notes li { break-inside: avoid; page-break-inside: avoid; padding: .8mm 0; border-bottom: .25mm solid var(--rule); line-height: 1.3; }
.note-n { font-weight: 700; color: var(--guinda); margin-right: 1.5mm; }
.note-key { color: var(--grey); }
.formula { font-family: var(--mono); font-size: 6.8pt; background: #f4f2ee; padding: 0 .8mm; word-break: break-word; }

@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
@media print {
  body, body.mode-web { background: #fff; }
  .mode-web .sheet { max-width: none; padding: 0; box-shadow: none; }
  .masthead { margin-top: 0; }
  figure.long { break-before: page; page-break-before: always; margin-top: 0; }
  section.bsec.break { break-before: page; page-break-before: always; margin-top: 0; }
  a.fig { border-bottom: none; }
  .draft-strip { display: none; }
}
@media screen and (max-width: 40rem) {
  .kpis { grid-template-columns: 1fr 1fr; }
  .source-notes { columns: 1; }
  .mode-web .sheet { padding: 0 1rem 1rem; }
  .table-scroll { overflow-x: auto; }
}
`;
}
