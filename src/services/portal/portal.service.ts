import { AppError } from '../../core/errors.js';
import type { ExprType } from '../../core/expressions/index.js';
import type { LocalizedText } from '../../core/schemas/common.schema.js';
import type { Indicator } from '../../core/schemas/plan.schema.js';
import type { Database } from '../../db/create-db.js';
import {
  computePivot,
  dimensionValues,
  PIVOT_DIMENSIONS,
  type PivotHeader,
  type PivotQuery,
  type PivotResult,
} from './explorer.service.js';
import {
  changeAgainst,
  countPublished,
  evaluatePublished,
  indicatorHistory,
  isDeploymentIndicator,
  ugpsComparison,
  type Change,
  type IndicatorPeriod,
  type IndicatorStatus,
  type UgpsRow,
} from './indicators.service.js';
import { computeMap, type MapData, type MapMetric } from './map.service.js';
import { loadPublishedData, type PublishedData } from './published-data.js';

export { readStatesGeoJson } from './map.service.js';
export type { PivotQuery, PivotResult, MapData, MapMetric, IndicatorPeriod, UgpsRow };

function notPublished(what: string, es: string, en: string): AppError {
  return new AppError('not_found', `${what} is not published`, { es, en });
}

/** A published period, or 404 (unknown and unpublished periods look the same). */
export function requirePublishedPeriod(data: PublishedData, year: number): void {
  if (!data.periods.some((p) => p.year === year))
    throw notPublished(`period ${year}`, `el periodo ${year} no está publicado`, `period ${year} is not published`);
}

/** Key figures of the public overview: each a figure expression over the published records. */
export const KEY_FIGURES = {
  activities: 'count(where root)',
  people: 'sum(total)',
  women: 'sum(women)',
  womenShare: 'round(share(sum(women), sum(total)), 2)',
  peopleTrained: 'sum(total where kind = "training")',
  womenTrained: 'sum(women where kind = "training")',
  networksCreated: 'sum(quantity where kind = "network" and attr.networkAction = "created" and unit = "networks")',
  womenDeployedShare: 'round(share(sum(women where kind = "deployment"), sum(total where kind = "deployment")), 2)',
} as const;
export type KeyFigure = keyof typeof KEY_FIGURES;

export interface Trend {
  key: KeyFigure;
  formula: string;
  type: ExprType;
  points: { period: number; value: number | null; recordCount: number; change: Change | null }[];
}

export interface IndicatorSummary {
  code: string;
  courseOfAction: string;
  text: LocalizedText;
  unit: Indicator['unit'];
  target: Indicator['target'];
  baseline: Indicator['baseline'];
  deployment: boolean;
  history: { period: number; value: number | null; status: IndicatorStatus }[];
}

async function summarize(data: PublishedData, ind: Indicator): Promise<IndicatorSummary> {
  const history = await indicatorHistory(data, ind, false);
  return {
    code: ind.code,
    courseOfAction: ind.courseOfAction,
    text: ind.text,
    unit: ind.unit,
    target: ind.target,
    baseline: ind.baseline,
    deployment: isDeploymentIndicator(ind),
    history: history.map((h) => ({ period: h.period, value: h.value, status: h.status })),
  };
}

async function trends(data: PublishedData): Promise<Trend[]> {
  const out: Trend[] = [];
  for (const [key, expression] of Object.entries(KEY_FIGURES) as [KeyFigure, string][]) {
    const points: Trend['points'] = [];
    let formula = expression;
    let type: ExprType = 'count';
    for (const { year } of data.periods) {
      const v = await evaluatePublished(data, expression, year, { provenance: 'bounded', limit: 0, inputs: false });
      formula = v?.formula ?? expression;
      type = v?.type ?? type;
      const value = v?.value ?? null;
      points.push({ period: year, value, recordCount: v?.recordCount ?? 0, change: changeAgainst(value, points) });
    }
    out.push({ key, formula, type, points });
  }
  return out;
}

/** The plan with every indicator's status per published period, and the key figures over time. */
export async function readPublicOverview(database: Database) {
  const data = await loadPublishedData(database);
  const { plan } = data;
  const acronym = new Map(plan.institutions.map((i) => [i.code, i.acronym]));
  const indicators = await Promise.all(plan.indicators.map((i) => summarize(data, i)));
  const latest = data.periods[data.periods.length - 1]?.year ?? null;
  const counts = new Map(
    await Promise.all(
      plan.coursesOfAction.map(
        async (c) =>
          [
            c.code,
            latest === null ? 0 : await countPublished(data, `coa = ${JSON.stringify(c.code)}`, latest),
          ] as const,
      ),
    ),
  );
  const recordsIn = (coa: string) => counts.get(coa) ?? 0;
  return {
    plan: {
      id: plan.id,
      country: plan.country,
      title: plan.title,
      published: plan.published,
      startYear: plan.startYear,
      endYear: plan.endYear,
    },
    periods: data.periods,
    latest,
    pillars: plan.pillars.map((p) => ({
      code: p.code,
      number: p.number,
      title: p.title,
      goals: plan.goals
        .filter((g) => g.pillar === p.code)
        .map((g) => ({
          code: g.code,
          number: g.number,
          text: g.text,
          coursesOfAction: plan.coursesOfAction
            .filter((c) => c.goal === g.code)
            .map((c) => ({
              code: c.code,
              number: c.number,
              text: c.text,
              institutions: c.institutions.map((i) => acronym.get(i) ?? i),
              records: recordsIn(c.code),
              indicators: indicators.filter((i) => i.courseOfAction === c.code),
            })),
        })),
    })),
    trends: await trends(data),
  };
}

/** Every indicator of the plan (also those without data) with its history. */
export async function listPublicIndicators(database: Database) {
  const data = await loadPublishedData(database);
  return {
    periods: data.periods.map((p) => p.year),
    indicators: await Promise.all(data.plan.indicators.map((i) => summarize(data, i))),
  };
}

/** One indicator: definition, calculation, value and status per period with inputs and records, UGPS comparison. */
export async function readPublicIndicator(database: Database, code: string) {
  const data = await loadPublishedData(database);
  const ind = data.plan.indicators.find((i) => i.code === code);
  if (!ind)
    throw new AppError('not_found', `indicator ${code} not found`, {
      es: `el indicador «${code}» no existe`,
      en: `indicator "${code}" does not exist`,
    });
  const coa = data.plan.coursesOfAction.find((c) => c.code === ind.courseOfAction);
  const goal = data.plan.goals.find((g) => g.code === coa?.goal);
  const pillar = data.plan.pillars.find((p) => p.code === goal?.pillar);
  const history = await indicatorHistory(data, ind);
  const deployment = isDeploymentIndicator(ind);
  const ugps = deployment
    ? await Promise.all(data.periods.map(async (p) => ({ period: p.year, rows: await ugpsComparison(data, p.year) })))
    : [];
  const ids = new Set([
    ...history.flatMap((h) => [...h.recordIds, ...h.inputs.flatMap((i) => i.recordIds)]),
    ...ugps.flatMap((u) => u.rows.flatMap((r) => r.recordIds)),
  ]);
  const records = (await data.activities({ ids: [...ids] })).map((a) => ({
    id: a.activity.id,
    period: a.period,
    title: a.activity.title,
  }));
  return {
    code: ind.code,
    number: ind.number,
    text: ind.text,
    unit: ind.unit,
    baseline: ind.baseline,
    target: ind.target,
    formula: ind.formula,
    calculation: ind.calculation,
    links: ind.links,
    courseOfAction: coa ? { code: coa.code, text: coa.text } : null,
    goal: goal ? { code: goal.code, text: goal.text } : null,
    pillar: pillar ? { code: pillar.code, title: pillar.title } : null,
    deployment,
    history,
    ugps,
    records,
  };
}

export { readPublicRecord } from './record.service.js';

/** A pivot over the published records. */
export async function readPivot(database: Database, query: PivotQuery): Promise<PivotResult> {
  const data = await loadPublishedData(database);
  if (query.filters.period !== undefined) requirePublishedPeriod(data, Number(query.filters.period));
  return computePivot(data, await data.figureRecords(), query);
}

/** The values every explorer dimension can take (labels in both languages), for the explorer's controls. */
export async function readPivotDimensions(database: Database) {
  const data = await loadPublishedData(database);
  return Object.fromEntries(PIVOT_DIMENSIONS.map((d) => [d, dimensionValues(data, d)])) as Record<
    (typeof PIVOT_DIMENSIONS)[number],
    PivotHeader[]
  >;
}

/** A choropleth metric for a published period (default: the latest). */
export async function readPublicMap(database: Database, period: number | null, metric: MapMetric) {
  const data = await loadPublishedData(database);
  const year = period ?? data.periods[data.periods.length - 1]?.year ?? null;
  if (year === null) return { periods: [], map: null };
  requirePublishedPeriod(data, year);
  return { periods: data.periods.map((p) => p.year), map: await computeMap(data, year, metric) };
}

/** Which courses of action and indicators have published data, per period. */
export async function readReportingStatus(database: Database) {
  const data = await loadPublishedData(database);
  const all = await database.db.selectFrom('period').select('year').orderBy('year').execute();
  const acronym = new Map(data.plan.institutions.map((i) => [i.code, i.acronym]));
  const published = await data.figureRecords();
  const histories = new Map(
    await Promise.all(data.plan.indicators.map(async (i) => [i.code, await indicatorHistory(data, i, false)] as const)),
  );
  return {
    coursesOfAction: data.plan.coursesOfAction.map((c) => ({ code: c.code, goal: c.goal, text: c.text })),
    indicators: data.plan.indicators.map((i) => ({ code: i.code, courseOfAction: i.courseOfAction, text: i.text })),
    periods: all.map(({ year }) => {
      if (!data.periods.some((p) => p.year === year))
        return { year, published: false, coursesOfAction: [], indicators: [] };
      const records = published.filter((r) => r.period === year);
      return {
        year,
        published: true,
        coursesOfAction: data.plan.coursesOfAction.map((c) => {
          const rs = records.filter((r) => r.coursesOfAction.includes(c.code));
          const ministries = [...new Set(rs.map((r) => data.ministryOf(r.institution)))].sort();
          return { code: c.code, records: rs.length, ministries: ministries.map((m) => acronym.get(m) ?? m) };
        }),
        indicators: data.plan.indicators.map((i) => {
          const h = histories.get(i.code)?.find((x) => x.period === year);
          return { code: i.code, hasValue: h !== undefined && h.value !== null, status: h?.status ?? 'no-data' };
        }),
      };
    }),
  };
}
