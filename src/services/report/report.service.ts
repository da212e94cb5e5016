import { readFileSync } from 'node:fs';
import { AppError } from '../../core/errors.js';
import type { Lang } from '../../core/model/kinds.js';
import { buildReport } from '../../core/report/build-report.js';
import type { ReportDocument } from '../../core/report/document.js';
import { provenanceJson } from '../../core/report/provenance.js';
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
import { DRAFT_WORDS } from '../../formats/draft-words.js';
import { openFigures } from '../check/figure-context.js';
import { memoizeSource, withinSubtrees, type FigureSource } from '../../core/expressions/index.js';
import { toFigureRecords } from '../../core/model/figure-records.js';
import { ministryOf } from '../../core/model/access.js';
import type { PlanCatalog } from '../../core/model/catalog.js';
import type { PlanFile } from '../../core/schemas/plan.schema.js';
import { runChecks } from '../../core/rules/index.js';
import { analyseClaims } from '../../core/rules/claim-support.js';
import type { PeriodFile } from '../../core/schemas/period.schema.js';
import type { Progress } from '../data/import.service.js';
import { referenceFile } from '../../config/paths.js';

export type ReportFormat = 'html' | 'pdf' | 'docx';
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'pdf', 'docx'];
/** A report's files: its formats, and the provenance companion (every note's formula, value and record ids). */
export type ReportFileKind = ReportFormat | 'provenance';

export interface ReportOutput {
  lang: Lang;
  format: ReportFileKind;
  fileName: string;
  bytes: Buffer;
  /**
   * Time from the start of this output to its end in milliseconds, the shared loading and the language's document
   * included in the first output that uses them. Outputs are rendered concurrently, so the times overlap.
   */
  ms: number;
}

const STATES_TOPOJSON = referenceFile('mx-states.topo.json');
let geoCache: GeoFeatureCollection | null = null;
function mexicoStates(): GeoFeatureCollection {
  geoCache ??= topologyToGeoJson(JSON.parse(readFileSync(STATES_TOPOJSON, 'utf8')) as unknown);
  return geoCache;
}

/** What a report is built from, loaded once for every language and format of a compilation. */
/** What the report computes its figures with: the plan, its catalog and a source over the database. */
export interface ReportFigures {
  plan: PlanFile;
  catalog: PlanCatalog;
  source: FigureSource;
}

export interface ReportInputs {
  ctx: ReportFigures;
  period: PeriodFile;
  findings: Awaited<ReturnType<typeof runChecks>>;
  claims: { total: number; derived: number; verified: number; transcribed: number; unsupported: number };
  states: Awaited<ReturnType<typeof readStates>>;
  places: { code: string; name_es: string; name_en: string }[];
  status: 'draft' | 'published';
}

/** Loads the period's records, narrative, checker findings and federal entities once. */
export async function loadReportInputs(
  database: Database,
  options: { period: number; status?: 'draft' | 'published' },
): Promise<ReportInputs> {
  const known = await listPeriods(database.db);
  if (!known.includes(options.period))
    throw new AppError('not_found', `period ${options.period} is not in the database`, {
      es: `el periodo ${options.period} no está en la base de datos (periodos: ${known.join(', ') || 'ninguno'})`,
      en: `period ${options.period} is not in the database (periods: ${known.join(', ') || 'none'})`,
    });
  const status = options.status ?? 'draft';
  // Figures are computed in the database (nothing loads every record); a published report sees approved
  // submissions only, a draft everything, marked DRAFT. Claims restate the same figures: each is computed once.
  const figures = await openFigures(database, { scope: status === 'published' ? 'approved' : 'all' });
  const stored = (await readPeriodFile(database.db, figures.plan.id, options.period))!;
  const period = status === 'published' ? await onlyApproved(database, figures.catalog, stored) : stored;
  // The text about each record asks for figures over its subtree: computed from the period's records in memory.
  const records = toFigureRecords(period.activities.map((activity) => ({ period: options.period, activity })));
  const source = withinSubtrees(records, options.period, figures.catalog, figures.source);
  const ctx: ReportFigures = { plan: figures.plan, catalog: figures.catalog, source: memoizeSource(source) };
  const checkInput = { plan: ctx.plan, catalog: ctx.catalog, period, source: ctx.source };
  const findings = await runChecks(checkInput);
  // How the source's figures are backed, for the methodology annex.
  const claims = { total: 0, derived: 0, verified: 0, transcribed: 0, unsupported: 0 };
  for (const a of await analyseClaims(checkInput)) {
    claims.total += 1;
    claims[a.support] += 1;
    if (a.verified) claims.verified += 1;
  }
  const states = await readStates(database.db, ctx.plan.country);
  const placeCodes = [...new Set(period.activities.flatMap((a) => a.places))];
  const places =
    placeCodes.length === 0
      ? []
      : await database.db
          .selectFrom('place')
          .select(['code', 'name_es', 'name_en'])
          .where('code', 'in', placeCodes)
          .execute();
  return { ctx, period, findings, claims, states, places, status };
}

/** The report in one language from inputs already loaded. */
export function reportDocumentOf(inputs: ReportInputs, lang: Lang): Promise<ReportDocument> {
  const { ctx, period } = inputs;
  const states = new Map(
    [...inputs.states.entries()].map(([code, s]) => [
      code,
      { name: lang === 'es' ? s.name_es : s.name_en, populationWomen: s.population_women },
    ]),
  );
  const placeNames = new Map(inputs.places.map((p) => [p.code, lang === 'es' ? p.name_es : p.name_en] as const));
  return buildReport({
    companionFile: reportFileName(period.period.year, lang, 'provenance'),
    placeNames,
    claims: inputs.claims,
    plan: ctx.plan,
    catalog: ctx.catalog,
    period,
    source: ctx.source,
    findings: inputs.findings,
    lang,
    status: inputs.status,
    states,
    recordCount: period.activities.length,
  });
}

/** The year's report as a document: every number computed from the stored records. */
export async function buildReportDocument(
  database: Database,
  options: { period: number; lang: Lang; status?: 'draft' | 'published' },
): Promise<ReportDocument> {
  return reportDocumentOf(await loadReportInputs(database, options), options.lang);
}

/**
 * The period restricted to what the institutions' approved submissions hold: records of ministries
 * whose submission is approved, and the narrative blocks of those ministries (or of none).
 */
async function onlyApproved(database: Database, catalog: PlanCatalog, period: PeriodFile): Promise<PeriodFile> {
  const year = period.period.year;
  const approved = new Set(
    (
      await database.db
        .selectFrom('submission')
        .select('institution_code')
        .where('state', '=', 'approved')
        .where('period_year', '=', year)
        .execute()
    ).map((r) => r.institution_code),
  );
  const ok = (institution: string) => approved.has(ministryOf(institution, catalog.institutions));
  return {
    ...period,
    activities: period.activities.filter((a) => ok(a.institution)),
    narratives: period.narratives.filter((n) => n.institution === null || ok(n.institution)),
  };
}

/** The document's maps and charts as SVG, by block id. */
export function reportMaps(doc: ReportDocument): Record<string, string> {
  const maps: Record<string, string> = {};
  for (const b of doc.body)
    if (b.kind === 'map')
      maps[b.id] = renderMapSvg(b.data, mexicoStates(), { title: b.title, metric: b.metric, lang: doc.lang });
    else if (b.kind === 'chart')
      maps[b.id] = renderColumnChartSvg({
        title: b.title,
        categories: b.categories,
        series: b.series.map((s, k) => ({ name: s.name, values: s.figures.map((f) => f.value), current: k === 0 })),
        lang: doc.lang,
      });
  return maps;
}

/** The maps and charts as PNG for the DOCX, drawn by the browser a few to a page, by size. */
async function docxImages(
  pdf: PdfRenderer,
  doc: ReportDocument,
  svgs: Record<string, string>,
): Promise<Record<string, DocxImage>> {
  const out: Record<string, DocxImage> = {};
  for (const [kind, size] of [
    ['map', MAP_SVG_SIZE],
    ['chart', CHART_SVG_SIZE],
  ] as const) {
    const ids = doc.body
      .filter((b) => b.kind === kind && svgs[b.id] !== undefined)
      .map((b) => (b as { id: string }).id);
    const pngs = await pdf.screenshotSvgs(
      ids.map((id) => svgs[id]!),
      size.width,
      size.height,
    );
    ids.forEach((id, i) => (out[id] = { png: pngs[i]!, ...size }));
  }
  return out;
}

/**
 * File name of an output: nap1325-informe-2022-es.pdf, nap1325-report-2022-en.docx, and the companion
 * nap1325-informe-2022-es.provenance.json.
 */
export function reportFileName(year: number, lang: Lang, format: ReportFileKind): string {
  const extension = format === 'provenance' ? 'provenance.json' : format;
  return `nap1325-${lang === 'es' ? 'informe' : 'report'}-${year}-${lang}.${extension}`;
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
    /** Also write each language's provenance companion (after the formats). */
    companion?: boolean;
  },
): Promise<ReportOutput[]> {
  const progress = options.progress ?? (() => {});
  const outputs: ReportOutput[] = [];
  const needsBrowser = options.formats.includes('pdf') || options.formats.includes('docx');
  const pdf = needsBrowser ? await PdfRenderer.launch() : null;
  try {
    progress({ es: 'Leyendo los registros del periodo', en: "Reading the period's records" });
    let t0 = performance.now();
    const inputs = await loadReportInputs(database, { period: options.period, status: options.status });
    // The shared load is counted once, in the first output.
    let loadMs = performance.now() - t0;
    // Chromium draws the PDFs and the maps' PNGs in its own processes while Node builds the next language and
    // packs the DOCX files: each output is a task started as soon as its document exists, all awaited at the end.
    const tasks: Promise<ReportOutput>[] = [];
    const companions: ReportOutput[] = [];
    for (const lang of options.langs) {
      progress({ es: `Calculando las cifras (${lang})`, en: `Computing the figures (${lang})` });
      t0 = performance.now();
      const doc = await reportDocumentOf(inputs, lang);
      const maps = reportMaps(doc);
      let buildMs = performance.now() - t0 + loadMs;
      loadMs = 0;
      let images: Promise<Record<string, DocxImage>> | null = null;
      if (options.companion) {
        const fileName = reportFileName(options.period, lang, 'provenance');
        companions.push({ lang, format: 'provenance', fileName, bytes: Buffer.from(provenanceJson(doc)), ms: 0 });
      }
      for (const format of options.formats) {
        progress({
          es: `Generando ${format.toUpperCase()} (${lang})`,
          en: `Rendering ${format.toUpperCase()} (${lang})`,
        });
        const start = performance.now() - buildMs;
        buildMs = 0;
        const output = (bytes: Buffer): ReportOutput => ({
          lang,
          format,
          fileName: reportFileName(options.period, lang, format),
          bytes,
          ms: Math.round(performance.now() - start),
        });
        if (format === 'html') tasks.push(Promise.resolve(output(Buffer.from(renderHtml(doc, { maps, mode: 'web' })))));
        else if (format === 'pdf')
          tasks.push(
            pdf!
              .render(renderHtml(doc, { maps, mode: 'print' }), {
                title: `${doc.title} — ${doc.planTitle}`,
                lang,
                draftLabel: doc.status === 'draft' ? DRAFT_WORDS[lang].short : undefined,
                pageLabel: doc.labels.page,
              })
              .then(output),
          );
        else {
          images ??= docxImages(pdf!, doc, maps);
          tasks.push(images.then((i) => renderDocx(doc, { images: i })).then(output));
        }
      }
    }
    const settled = await Promise.allSettled(tasks);
    for (const s of settled) if (s.status === 'rejected') throw s.reason;
    outputs.push(...settled.map((s) => (s as PromiseFulfilledResult<ReportOutput>).value), ...companions);
  } finally {
    await pdf?.close();
  }
  return outputs;
}
