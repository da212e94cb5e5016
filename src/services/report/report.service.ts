import { readFileSync } from 'node:fs';
import { AppError } from '../../core/errors.js';
import type { Lang } from '../../core/model/kinds.js';
import { buildReport } from '../../core/report/build-report.js';
import type { ReportDocument } from '../../core/report/document.js';
import type { Database } from '../../db/create-db.js';
import { readStates } from '../../db/repositories/plan.repository.js';
import { listPeriods, readPeriodFile } from '../../db/repositories/period.repository.js';
import { renderDocx, type DocxImage } from '../../formats/docx/render-docx.js';
import { renderHtml } from '../../formats/html/render-html.js';
import {
  MAP_SVG_SIZE,
  renderMapSvg,
  topologyToGeoJson,
  type GeoFeatureCollection,
} from '../../formats/html/map-svg.js';
import { PdfRenderer } from '../../formats/pdf/render-pdf.js';
import { CHART_SVG_SIZE, renderColumnChartSvg } from '../../formats/html/chart-svg.js';
import { loadFigureContext, type FigureContext } from '../check/figure-context.js';
import { createMemorySource } from '../../core/expressions/index.js';
import { ministryOf } from '../../core/model/access.js';
import { toFigureRecords } from '../../core/model/figure-records.js';
import { runChecks } from '../../core/rules/index.js';
import { analyseClaims } from '../../core/rules/claim-support.js';
import type { PeriodFile } from '../../core/schemas/period.schema.js';
import type { Progress } from '../data/import.service.js';
import { referenceFile } from '../../config/paths.js';

export type ReportFormat = 'html' | 'pdf' | 'docx';
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'pdf', 'docx'];

export interface ReportOutput {
  lang: Lang;
  format: ReportFormat;
  fileName: string;
  bytes: Buffer;
  /** Build time of this output in milliseconds. */
  ms: number;
}

const STATES_TOPOJSON = referenceFile('mx-states.topo.json');
let geoCache: GeoFeatureCollection | null = null;
function mexicoStates(): GeoFeatureCollection {
  geoCache ??= topologyToGeoJson(JSON.parse(readFileSync(STATES_TOPOJSON, 'utf8')) as unknown);
  return geoCache;
}

/** The year's report as a document: every number computed from the stored records. */
export async function buildReportDocument(
  database: Database,
  options: { period: number; lang: Lang; status?: 'draft' | 'published' },
): Promise<ReportDocument> {
  const known = await listPeriods(database.db);
  if (!known.includes(options.period))
    throw new AppError('not_found', `period ${options.period} is not in the database`, {
      es: `el periodo ${options.period} no está en la base de datos (periodos: ${known.join(', ') || 'ninguno'})`,
      en: `period ${options.period} is not in the database (periods: ${known.join(', ') || 'none'})`,
    });
  const full = await loadFigureContext(database);
  const stored = (await readPeriodFile(database.db, full.plan.id, options.period))!;
  // A published report holds approved data only; a draft shows everything, marked DRAFT.
  const approvedOnly = (options.status ?? 'draft') === 'published';
  const { ctx, period } = approvedOnly ? await onlyApproved(database, full, stored) : { ctx: full, period: stored };
  const checkInput = { plan: ctx.plan, catalog: ctx.catalog, period, source: ctx.source };
  const findings = await runChecks(checkInput);
  const claims = { total: 0, derived: 0, verified: 0, transcribed: 0, unsupported: 0 };
  for (const a of await analyseClaims(checkInput)) {
    claims.total += 1;
    claims[a.support] += 1;
    if (a.verified) claims.verified += 1;
  }
  const states = new Map(
    [...(await readStates(database.db, ctx.plan.country)).entries()].map(([code, s]) => [
      code,
      { name: options.lang === 'es' ? s.name_es : s.name_en, populationWomen: s.population_women },
    ]),
  );
  const placeCodes = [...new Set(period.activities.flatMap((a) => a.places))];
  const placeNames = new Map(
    placeCodes.length === 0
      ? []
      : (
          await database.db
            .selectFrom('place')
            .select(['code', 'name_es', 'name_en'])
            .where('code', 'in', placeCodes)
            .execute()
        ).map((p) => [p.code, options.lang === 'es' ? p.name_es : p.name_en] as const),
  );
  return buildReport({
    placeNames,
    claims,
    plan: ctx.plan,
    catalog: ctx.catalog,
    period,
    source: ctx.source,
    findings,
    lang: options.lang,
    status: options.status ?? 'draft',
    states,
    recordCount: period.activities.length,
  });
}

/**
 * The context and period restricted to what the institutions' approved submissions hold: records of
 * ministries whose submission is approved, and the narrative blocks of those ministries (or of none).
 */
async function onlyApproved(
  database: Database,
  ctx: FigureContext,
  period: PeriodFile,
): Promise<{ ctx: FigureContext; period: PeriodFile }> {
  const approved = new Set(
    (
      await database.db
        .selectFrom('submission')
        .select(['institution_code', 'period_year'])
        .where('state', '=', 'approved')
        .execute()
    ).map((r) => `${r.institution_code}/${r.period_year}`),
  );
  const parents = ctx.catalog.institutions;
  const ok = (institution: string, year: number) => approved.has(`${ministryOf(institution, parents)}/${year}`);
  const activities = ctx.activities.filter((a) => ok(a.activity.institution, a.period));
  const records = toFigureRecords(activities);
  return {
    ctx: { ...ctx, activities, records, source: createMemorySource(records, ctx.catalog) },
    period: {
      ...period,
      activities: period.activities.filter((a) => ok(a.institution, period.period.year)),
      narratives: period.narratives.filter((n) => n.institution === null || ok(n.institution, period.period.year)),
    },
  };
}

/** File name of an output: nap1325-informe-2022-es.pdf, nap1325-report-2022-en.docx. */
export function reportFileName(year: number, lang: Lang, format: ReportFormat): string {
  return `nap1325-${lang === 'es' ? 'informe' : 'report'}-${year}-${lang}.${format}`;
}

/**
 * Builds the report in each language and format. One browser process serves every PDF and map image.
 */
export async function compileReports(
  database: Database,
  options: {
    period: number;
    langs: readonly Lang[];
    formats: readonly ReportFormat[];
    status?: 'draft' | 'published';
    progress?: Progress;
  },
): Promise<ReportOutput[]> {
  const progress = options.progress ?? (() => {});
  const outputs: ReportOutput[] = [];
  const needsBrowser = options.formats.includes('pdf') || options.formats.includes('docx');
  const pdf = needsBrowser ? await PdfRenderer.launch() : null;
  try {
    for (const lang of options.langs) {
      progress({ es: `Calculando las cifras (${lang})`, en: `Computing the figures (${lang})` });
      let t0 = performance.now();
      const doc = await buildReportDocument(database, { period: options.period, lang, status: options.status });
      const buildMs = performance.now() - t0;
      const maps: Record<string, string> = {};
      const sizes: Record<string, { width: number; height: number }> = {};
      for (const b of doc.body)
        if (b.kind === 'map') {
          maps[b.id] = renderMapSvg(b.data, mexicoStates(), { title: b.title, metric: b.metric, lang });
          sizes[b.id] = MAP_SVG_SIZE;
        } else if (b.kind === 'chart') {
          maps[b.id] = renderColumnChartSvg({
            title: b.title,
            categories: b.categories,
            series: b.series.map((s, k) => ({ name: s.name, values: s.figures.map((f) => f.value), current: k === 0 })),
            lang,
          });
          sizes[b.id] = CHART_SVG_SIZE;
        }
      for (const format of options.formats) {
        progress({
          es: `Generando ${format.toUpperCase()} (${lang})`,
          en: `Rendering ${format.toUpperCase()} (${lang})`,
        });
        t0 = performance.now();
        let bytes: Buffer;
        if (format === 'html') bytes = Buffer.from(renderHtml(doc, { maps, mode: 'web' }), 'utf8');
        else if (format === 'pdf')
          bytes = await pdf!.render(renderHtml(doc, { maps, mode: 'print' }), {
            title: `${doc.title} — ${doc.planTitle}`,
            lang,
            draftLabel: doc.status === 'draft' ? doc.labels.draft : undefined,
            pageLabel: doc.labels.page,
          });
        else {
          const images: Record<string, DocxImage> = {};
          for (const [id, svg] of Object.entries(maps)) {
            const size = sizes[id] ?? MAP_SVG_SIZE;
            images[id] = { png: await pdf!.screenshotSvg(svg, size.width, size.height), ...size };
          }
          bytes = await renderDocx(doc, { images });
        }
        outputs.push({
          lang,
          format,
          fileName: reportFileName(options.period, lang, format),
          bytes,
          ms: Math.round(performance.now() - t0 + buildMs),
        });
      }
    }
  } finally {
    await pdf?.close();
  }
  return outputs;
}
