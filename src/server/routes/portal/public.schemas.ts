/**
 * Schemas of the public API (/api/public/…): query strings that reject unknown fields, and the
 * responses (which also document the API at /docs). Imports only zod and core, so the web
 * application can use the inferred types.
 */
import { z } from 'zod';
import { ACTIVITY_KINDS, COMPARATORS, INDICATOR_UNITS, UGPS_CATEGORIES } from '../../../core/model/kinds.js';

import {
  DATASET_NAMES,
  KEY_FIGURE_KEYS,
  MAP_METRICS,
  OPEN_FILES,
  PIVOT_DIMENSIONS,
  PIVOT_MEASURES,
} from './public.constants.js';

export {
  DATASET_NAMES,
  KEY_FIGURE_KEYS,
  MAP_METRICS,
  OPEN_FILES,
  OPEN_FORMATS,
  PIVOT_DIMENSIONS,
  PIVOT_MEASURES,
} from './public.constants.js';

const localized = z.object({ es: z.string(), en: z.string() });
const num = z.number().nullable();
const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,39}$/);
const year = z.coerce.number().int().min(1900).max(2200);
const langField = z.enum(['es', 'en']).optional();
export const statusSchema = z.enum(['met', 'on-track', 'not-met', 'no-data']);
const exprType = z.enum(['count', 'number', 'ratio', 'percent']);
const change = z.object({ basePeriod: z.number(), base: z.number(), delta: z.number(), percent: num }).nullable();
const target = z.object({ comparator: z.enum(COMPARATORS), value: z.number(), year: z.number().nullable() }).nullable();
const baseline = z.object({ value: z.number(), year: z.number() }).nullable();
const periodRow = z.object({ year: z.number(), publishedAt: z.string() });

export const langQuery = z.strictObject({ lang: langField });
export const periodQuery = z.strictObject({ period: year.optional(), lang: langField });
export const codeParams = z.strictObject({ code });
export const idParams = z.strictObject({ id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,119}$/) });
export const yearParams = z.strictObject({ year });
export const fileParams = z.strictObject({ file: z.enum(OPEN_FILES) });

export const explorerQuery = z
  .strictObject({
    rows: z.enum(PIVOT_DIMENSIONS).default('ministry'),
    columns: z.enum([...PIVOT_DIMENSIONS, 'none']).default('sex'),
    measure: z.enum(PIVOT_MEASURES).default('total'),
    period: year.optional(),
    ministry: code.optional(),
    institution: code.optional(),
    kind: z.enum(ACTIVITY_KINDS).optional(),
    pillar: code.optional(),
    goal: code.optional(),
    coa: code.optional(),
    state: z
      .string()
      .regex(/^[A-Z]{2}-[0-9A-Z]{1,10}$/)
      .optional(),
    lang: langField,
  })
  .refine((q) => q.rows !== q.columns, { message: 'rows and columns must differ', path: ['columns'] });

export const mapQuery = z.strictObject({
  period: year.optional(),
  metric: z.enum(MAP_METRICS).default('network-women'),
  lang: langField,
});

export const indicatorSummarySchema = z.object({
  code: z.string(),
  courseOfAction: z.string(),
  text: localized,
  unit: z.enum(INDICATOR_UNITS),
  target,
  baseline,
  deployment: z.boolean(),
  history: z.array(z.object({ period: z.number(), value: num, status: statusSchema })),
});

export const overviewSchema = z.object({
  plan: z.object({
    id: z.string(),
    country: z.string(),
    title: localized,
    published: z.string().nullable(),
    startYear: z.number(),
    endYear: z.number().nullable(),
  }),
  periods: z.array(periodRow),
  latest: num,
  pillars: z.array(
    z.object({
      code: z.string(),
      number: z.number(),
      title: localized,
      goals: z.array(
        z.object({
          code: z.string(),
          number: z.number(),
          text: localized,
          coursesOfAction: z.array(
            z.object({
              code: z.string(),
              number: z.number(),
              text: localized,
              institutions: z.array(z.string()),
              records: z.number(),
              indicators: z.array(indicatorSummarySchema),
            }),
          ),
        }),
      ),
    }),
  ),
  trends: z.array(
    z.object({
      key: z.enum(KEY_FIGURE_KEYS),
      formula: z.string(),
      type: exprType,
      points: z.array(z.object({ period: z.number(), value: num, recordCount: z.number(), change })),
    }),
  ),
});

export const indicatorListSchema = z.object({
  periods: z.array(z.number()),
  indicators: z.array(indicatorSummarySchema),
});

const input = z.object({ formula: z.string(), value: num, recordIds: z.array(z.string()) });
const ugpsRow = z.object({
  category: z.enum(UGPS_CATEGORIES),
  women: num,
  total: num,
  share: num,
  formula: z.string(),
  recordIds: z.array(z.string()),
  target: z.object({ value: z.number(), verified: z.boolean(), source: z.string() }).nullable(),
  endTarget: num,
  status: statusSchema.nullable(),
});

export const indicatorDetailSchema = z.object({
  code: z.string(),
  number: z.number(),
  text: localized,
  unit: z.enum(INDICATOR_UNITS),
  baseline,
  target,
  formula: z.string().nullable(),
  calculation: localized.nullable(),
  links: z.array(z.object({ framework: z.string(), code: z.string() })),
  courseOfAction: z.object({ code: z.string(), text: localized }).nullable(),
  goal: z.object({ code: z.string(), text: localized }).nullable(),
  pillar: z.object({ code: z.string(), title: localized }).nullable(),
  deployment: z.boolean(),
  history: z.array(
    z.object({
      period: z.number(),
      value: num,
      type: exprType.nullable(),
      status: statusSchema,
      reported: z.object({ value: num, display: localized }).nullable(),
      formula: z.string().nullable(),
      recordIds: z.array(z.string()),
      recordCount: z.number(),
      inputs: z.array(input),
      change,
    }),
  ),
  ugps: z.array(z.object({ period: z.number(), rows: z.array(ugpsRow) })),
  records: z.array(z.object({ id: z.string(), period: z.number(), title: localized })),
});

export const recordsQuery = z.strictObject({
  period: year.optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  institution: code.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  lang: langField,
});
export const recordListSchema = z.object({
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      period: z.number(),
      kind: z.enum(ACTIVITY_KINDS),
      institution: z.string(),
      ministry: z.string(),
      title: localized,
      women: num,
      men: num,
      notRecorded: num,
      total: num,
    }),
  ),
});

const counts = { women: num, men: num, notRecorded: num, total: num, quantity: num, unit: z.string().nullable() };
export const recordSchema = z.object({
  id: z.string(),
  period: z.number(),
  kind: z.enum(ACTIVITY_KINDS),
  institution: z.object({ code: z.string(), acronym: z.string(), name: localized }),
  ministry: z.string(),
  coursesOfAction: z.array(z.object({ code: z.string(), text: localized })),
  title: localized,
  summary: localized.nullable(),
  dates: z.array(z.object({ start: z.string(), end: z.string() })),
  places: z.array(z.object({ code: z.string(), name: localized })),
  ...counts,
  measures: z.record(z.string(), z.number()),
  items: z.array(localized),
  attributes: z.object({
    modality: z.string().optional(),
    mission: z.string().optional(),
    ugpsCategory: z.string().optional(),
    networkAction: z.string().optional(),
    fund: z.string().optional(),
    forum: z.string().optional(),
    role: z.string().optional(),
    provider: z.string().optional(),
    partners: z.array(z.string()).optional(),
    audience: localized.optional(),
  }),
  evidence: z.array(z.string()),
  parent: z.object({ id: z.string(), title: localized }).nullable(),
  children: z.array(z.object({ id: z.string(), title: localized, ...counts })),
});

const header = z.object({ key: z.string(), label: localized });
export const pivotSchema = z.object({
  rows: z.array(header),
  columns: z.array(header),
  cells: z.array(z.array(num)),
  rowTotals: z.array(num),
  columnTotals: z.array(num),
  total: num,
  rowShares: z.array(num),
  totalShare: num,
  recordCount: z.number(),
  multiValued: z.boolean(),
});

export const dimensionsSchema = z.record(z.enum(PIVOT_DIMENSIONS), z.array(header));

export const mapSchema = z.object({
  periods: z.array(z.number()),
  map: z
    .object({
      period: z.number(),
      metric: z.enum(MAP_METRICS),
      label: localized,
      rows: z.array(
        z.object({
          code: z.string(),
          cveEnt: z.string(),
          name: localized,
          value: num,
          populationWomen: num,
          ratePer100kWomen: num,
          formula: z.string(),
          /** The first records (recordCount says how many there are). */
          recordIds: z.array(z.string()),
          recordCount: z.number(),
        }),
      ),
      national: num,
      nationalFormula: z.string(),
      unlocated: z.number(),
    })
    .nullable(),
});

export const reportingStatusSchema = z.object({
  coursesOfAction: z.array(z.object({ code: z.string(), goal: z.string(), text: localized })),
  indicators: z.array(z.object({ code: z.string(), courseOfAction: z.string(), text: localized })),
  periods: z.array(
    z.object({
      year: z.number(),
      published: z.boolean(),
      coursesOfAction: z.array(z.object({ code: z.string(), records: z.number(), ministries: z.array(z.string()) })),
      indicators: z.array(z.object({ code: z.string(), hasValue: z.boolean(), status: statusSchema })),
    }),
  ),
});

export const reportListSchema = z.array(
  z.object({
    id: z.string(),
    period: z.number(),
    version: z.number(),
    lang: z.string(),
    format: z.string(),
    fileName: z.string(),
    contentHash: z.string(),
    publishedAt: z.string(),
    changes: z
      .object({
        note: z.string().nullable(),
        figures: z.array(
          z.object({ formula: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
        ),
      })
      .nullable(),
  }),
);

export const openDataSchema = z.object({
  periods: z.array(periodRow),
  datasets: z.array(
    z.object({
      name: z.enum(DATASET_NAMES),
      title: localized,
      description: localized,
      rows: z.number(),
      fields: z.array(z.object({ name: z.string(), type: z.string(), title: localized })),
    }),
  ),
});

export type Overview = z.infer<typeof overviewSchema>;
export type IndicatorSummary = z.infer<typeof indicatorSummarySchema>;
export type IndicatorList = z.infer<typeof indicatorListSchema>;
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;
export type PublicRecord = z.infer<typeof recordSchema>;
export type RecordList = z.infer<typeof recordListSchema>;
export type Pivot = z.infer<typeof pivotSchema>;
export type PublicMap = z.infer<typeof mapSchema>;
export type Dimensions = z.infer<typeof dimensionsSchema>;
export type ReportingStatus = z.infer<typeof reportingStatusSchema>;
export type ReportList = z.infer<typeof reportListSchema>;
export type OpenDataCatalogue = z.infer<typeof openDataSchema>;
export type IndicatorStatusName = z.infer<typeof statusSchema>;
export type PivotDimensionName = (typeof PIVOT_DIMENSIONS)[number];
export type PivotMeasureName = (typeof PIVOT_MEASURES)[number];
export type MapMetricName = (typeof MAP_METRICS)[number];
export type KeyFigureKey = (typeof KEY_FIGURE_KEYS)[number];
