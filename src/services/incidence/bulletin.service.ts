/**
 * The monthly bulletin in each language and format: HTML (web), PDF (the print HTML through Chromium),
 * DOCX (charts and map as images taken by the same browser) and JSON (the figures, language-neutral).
 */
import { readFileSync } from 'node:fs';
import { buildBulletin } from '../../core/incidence/build-bulletin.js';
import type { BulletinDocument } from '../../core/incidence/bulletin-document.js';
import { toBulletinJson } from '../../core/incidence/bulletin-json.js';
import type { BulletinFigures } from '../../core/incidence/figures.js';
import { BULLETIN_FORMATS } from '../../core/incidence/vocabulary.js';
import type { Lang } from '../../core/model/kinds.js';
import type { Database } from '../../db/create-db.js';
import { renderBulletinDocx, type BulletinImage } from '../../formats/docx/bulletin-docx.js';
import { renderBulletinHtml } from '../../formats/html/bulletin-html.js';
import { CHART_SVG_SIZE, renderColumnChartSvg } from '../../formats/html/chart-svg.js';
import {
  MAP_SVG_SIZE,
  renderMapSvg,
  topologyToGeoJson,
  type GeoFeatureCollection,
} from '../../formats/html/map-svg.js';
import { PdfRenderer } from '../../formats/pdf/render-pdf.js';
import { referenceFile } from '../../config/paths.js';
import type { Progress } from '../data/import.service.js';
import { loadBulletinFigures } from './figures.service.js';

export { BULLETIN_FORMATS };
export type BulletinFormat = (typeof BULLETIN_FORMATS)[number];

export interface BulletinOutput {
  /** null for JSON (the same in every language). */
  lang: Lang | null;
  format: BulletinFormat;
  fileName: string;
  bytes: Buffer;
  ms: number;
}

const CONTENT_TYPES: Record<BulletinFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json; charset=utf-8',
};
export const bulletinContentType = (format: string): string =>
  CONTENT_TYPES[format as BulletinFormat] ?? 'application/octet-stream';

/** reporte-violencia-mujeres-2021-12-es.pdf, report-violence-women-2021-12-en.docx, incidencia-2021-12.json. */
export function bulletinFileName(month: string, lang: Lang | null, format: BulletinFormat): string {
  if (format === 'json' || lang === null) return `incidencia-${month}.json`;
  return lang === 'es'
    ? `reporte-violencia-mujeres-${month}-es.${format}`
    : `report-violence-women-${month}-en.${format}`;
}

let geo: GeoFeatureCollection | null = null;
function mexicoStates(): GeoFeatureCollection {
  geo ??= topologyToGeoJson(JSON.parse(readFileSync(referenceFile('mx-states.topo.json'), 'utf8')) as unknown);
  return geo;
}

/** SVG of every chart and map of the document, by block id. */
export function bulletinSvgs(doc: BulletinDocument): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of doc.sections)
    for (const b of s.blocks) {
      if (b.kind === 'chart')
        out[b.id] = renderColumnChartSvg({
          title: b.title,
          categories: b.categories,
          series: b.series.map((x) => ({
            name: x.name,
            current: x.current,
            values: x.values.map((v) => v?.value ?? null),
          })),
          lang: doc.lang,
        });
      else if (b.kind === 'map')
        out[b.id] = renderMapSvg(b.data, mexicoStates(), { title: b.title, metric: b.metric, lang: doc.lang });
    }
  return out;
}

const today = () => new Date().toISOString().slice(0, 10);

export async function buildBulletinDocument(
  database: Database,
  o: { month: string; lang: Lang; status?: 'draft' | 'published'; issued?: string; figures?: BulletinFigures },
): Promise<BulletinDocument> {
  const figures = o.figures ?? (await loadBulletinFigures(database, o.month));
  return buildBulletin(figures, { lang: o.lang, status: o.status ?? 'draft', issued: o.issued ?? today() });
}

/** Builds the month's bulletin in each language and format; one browser serves every PDF and image. */
export async function compileBulletins(
  database: Database,
  o: {
    month: string;
    langs: readonly Lang[];
    formats: readonly BulletinFormat[];
    status?: 'draft' | 'published';
    issued?: string;
    progress?: Progress;
  },
): Promise<BulletinOutput[]> {
  const progress = o.progress ?? (() => {});
  const status = o.status ?? 'draft';
  progress({ es: `Calculando las cifras de ${o.month}`, en: `Computing the figures of ${o.month}` });
  let t0 = performance.now();
  const figures = await loadBulletinFigures(database, o.month);
  const figuresMs = performance.now() - t0;
  const outputs: BulletinOutput[] = [];
  if (o.formats.includes('json'))
    outputs.push({
      lang: null,
      format: 'json',
      fileName: bulletinFileName(o.month, null, 'json'),
      bytes: Buffer.from(`${JSON.stringify(toBulletinJson(figures, status), null, 2)}\n`, 'utf8'),
      ms: Math.round(figuresMs),
    });
  const needsBrowser = o.formats.includes('pdf') || o.formats.includes('docx');
  const browser = needsBrowser ? await PdfRenderer.launch() : null;
  try {
    for (const lang of o.langs) {
      t0 = performance.now();
      const doc = buildBulletin(figures, { lang, status, issued: o.issued ?? today() });
      const svgs = bulletinSvgs(doc);
      const buildMs = performance.now() - t0 + figuresMs;
      for (const format of o.formats) {
        if (format === 'json') continue;
        progress({
          es: `Generando ${format.toUpperCase()} (${lang})`,
          en: `Rendering ${format.toUpperCase()} (${lang})`,
        });
        t0 = performance.now();
        let bytes: Buffer;
        if (format === 'html') bytes = Buffer.from(renderBulletinHtml(doc, { svgs, mode: 'web' }), 'utf8');
        else if (format === 'pdf')
          bytes = await browser!.render(renderBulletinHtml(doc, { svgs, mode: 'print' }), {
            title: `${doc.title} · ${doc.subtitle}`,
            lang,
            draftLabel: status === 'draft' ? doc.labels.draft : undefined,
            pageLabel: doc.labels.page,
          });
        else {
          const images: Record<string, BulletinImage> = {};
          for (const s of doc.sections)
            for (const b of s.blocks) {
              const size = b.kind === 'chart' ? CHART_SVG_SIZE : b.kind === 'map' ? MAP_SVG_SIZE : null;
              const svg = svgs[(b as { id?: string }).id ?? ''];
              if (size && svg)
                images[(b as { id: string }).id] = {
                  png: await browser!.screenshotSvg(svg, size.width, size.height),
                  ...size,
                };
            }
          bytes = await renderBulletinDocx(doc, { images });
        }
        outputs.push({
          lang,
          format,
          fileName: bulletinFileName(o.month, lang, format),
          bytes,
          ms: Math.round(performance.now() - t0 + buildMs),
        });
      }
    }
  } finally {
    await browser?.close();
  }
  return outputs;
}
