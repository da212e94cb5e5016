import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  CLAIM_LOCATIONS,
  MODALITIES,
  NETWORK_ACTIONS,
  OUTLINE_LEVELS,
  SOURCE_DEFECT_KINDS,
  UGPS_CATEGORIES,
} from '../model/kinds.js';
import {
  MAX_COUNT,
  codeSchema,
  countSchema,
  idSchema,
  isoDateSchema,
  localizedTextSchema,
  namedRecordSchema,
  placeCodeSchema,
  textSchema,
  urlSchema,
  yearSchema,
} from './common.schema.js';

export const PERIOD_FORMAT = 'nap1325/period@1';

const unique = (list: readonly string[]) => new Set(list).size === list.length;

/** Where a block sits in the report: "front", "back", "pillar:1", "goal:3", "coa:3.2". */
export const sectionSchema = z
  .string()
  .regex(
    /^(front|back|(pillar|goal|coa):[A-Za-z0-9][A-Za-z0-9.-]{0,39})$/,
    'must be "front", "back", "pillar:CODE", "goal:CODE" or "coa:CODE"',
  );

export const dateRangeSchema = z
  .strictObject({ start: isoDateSchema, end: isoDateSchema })
  .refine((r) => r.start <= r.end, { message: 'end is before start', path: ['end'] });

export const activityAttributesSchema = z.strictObject({
  modality: z.enum(MODALITIES).optional(),
  audience: localizedTextSchema.optional(),
  provider: textSchema(300).optional(),
  partners: z.array(textSchema(300)).optional(),
  mission: textSchema(60).optional(),
  ugpsCategory: z.enum(UGPS_CATEGORIES).optional(),
  role: textSchema(60).optional(),
  networkAction: z.enum(NETWORK_ACTIONS).optional(),
  fund: textSchema(60).optional(),
  forum: textSchema(300).optional(),
});

export const activitySchema = z.strictObject({
  id: idSchema,
  kind: z.enum(ACTIVITY_KINDS),
  institution: codeSchema,
  parent: idSchema.nullable().default(null),
  /** Courses of action; children without their own inherit their parent's. */
  coursesOfAction: z.array(codeSchema).refine(unique, 'lists a code twice').default([]),
  /** Position in the source document (for lists and ordering checks). */
  order: z.number().int().nonnegative().max(MAX_COUNT, 'is too large').default(0),
  /** Printed list marker ("A", "b", "3") and the list it belongs to, as in the source document. */
  label: textSchema(10).nullable().default(null),
  list: textSchema(120).nullable().default(null),
  title: localizedTextSchema,
  summary: localizedTextSchema.nullable().default(null),
  dates: z.array(dateRangeSchema).default([]),
  places: z.array(placeCodeSchema).refine(unique, 'lists a code twice').default([]),
  women: countSchema.nullable().default(null),
  men: countSchema.nullable().default(null),
  notRecorded: countSchema.nullable().default(null),
  quantity: z.number().finite().nonnegative('must not be negative').nullable().default(null),
  unit: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lower-case unit name such as "uniforms"')
    .nullable()
    .default(null),
  /** Further named counts of the record ("municipalities", "operations", "hours", "posts"). */
  measures: namedRecordSchema(
    z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'measure names are camelCase letters and digits'),
    z.number().finite().nonnegative('must not be negative'),
  ).default({}),
  /** Listed items (modules, topics, conflicts) that the source enumerates. */
  items: z.array(localizedTextSchema).default([]),
  attributes: activityAttributesSchema.default({}),
  evidence: z.array(urlSchema).default([]),
});

const figuresSchema = namedRecordSchema(
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, 'figure names are letters, digits and "_"'),
  textSchema(4_000),
);

export const narrativeBlockSchema = z.strictObject({
  id: idSchema,
  section: sectionSchema,
  order: z.number().int().nonnegative(),
  label: textSchema(10).nullable().default(null),
  list: textSchema(120).nullable().default(null),
  institution: codeSchema.nullable().default(null),
  /** Text with {name} placeholders, each filled by the figure of that name. */
  text: localizedTextSchema,
  figures: figuresSchema.default({}),
  /**
   * Activities this block describes, replacing the text the report would generate from their records
   * (they and their sub-activities). Empty: the block introduces its section and every activity still
   * gets its generated text.
   */
  activities: z.array(idSchema).max(2_000).refine(unique, 'lists an id twice').optional(),
});

export const tableColumnSchema = z.strictObject({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
  label: localizedTextSchema,
});

export const tableRowSchema = z.strictObject({
  label: localizedTextSchema,
  /** Cell key → figure expression, or a fixed text cell. */
  cells: namedRecordSchema(z.string(), z.union([z.strictObject({ expr: textSchema(4_000) }), localizedTextSchema])),
});

export const tableSpecSchema = z.strictObject({
  id: idSchema,
  section: sectionSchema,
  order: z.number().int().nonnegative(),
  title: localizedTextSchema,
  source: localizedTextSchema.nullable().default(null),
  columns: z.array(tableColumnSchema).min(1),
  rows: z.array(tableRowSchema).min(1),
  /** Add a total row summing every expression column. */
  totalRow: z.boolean().default(false),
  /** Activities the table presents, replacing their generated text (as for narrative blocks). */
  activities: z.array(idSchema).max(2_000).refine(unique, 'lists an id twice').optional(),
});

export const calloutSchema = z.strictObject({
  id: idSchema,
  section: sectionSchema,
  order: z.number().int().nonnegative(),
  expr: textSchema(4_000),
  label: localizedTextSchema,
});

export const claimSchema = z.strictObject({
  id: idSchema,
  section: sectionSchema,
  /** The number as the source states it (percent claims in percent: 30.05). */
  stated: z.number().finite(),
  /** How the stated number relates to the true value: "=" (default), or ">" for "above 25%", "over 52,000". */
  relation: z.enum(['=', '>', '>=', '<', '<=']).default('='),
  /** The expression the stated number should equal; null when nothing in the data can produce it. */
  expr: textSchema(4_000).nullable(),
  quote: textSchema(2_000),
  location: z.enum(CLAIM_LOCATIONS).default('text'),
  /** The record the claim is about: an activity, table, callout, narrative block or indicator code. */
  ref: textSchema(120).nullable().default(null),
  /** For a table cell: "row label / column key". */
  cell: textSchema(300).nullable().default(null),
});

export const indicatorValueSchema = z.strictObject({
  indicator: codeSchema,
  /** The reported value (percent in percent), or null when only a text is given. */
  value: z.number().finite().nullable(),
  display: localizedTextSchema,
});

export const outlineEntrySchema = z.strictObject({
  order: z.number().int().nonnegative(),
  level: z.enum(OUTLINE_LEVELS),
  /** The plan element the heading introduces; null when it introduces nothing the plan knows. */
  ref: codeSchema.nullable(),
  /** The number printed in the heading; null when none is printed. */
  printedNumber: z.number().int().nonnegative().nullable(),
  printed: textSchema(2_000),
});

/** Records that report the same activity in different places of the source (two institutions, two sections). */
export const recordLinkSchema = z.strictObject({
  id: idSchema,
  records: z.array(idSchema).min(2).max(20).refine(unique, 'lists a record twice'),
  note: localizedTextSchema.nullable().default(null),
});

/** A defect of the source document that the transcription repaired: kept, and reported as a finding of the source. */
export const sourceDefectSchema = z.strictObject({
  id: idSchema,
  section: sectionSchema,
  /** Position in the source document (seed line × 10). */
  order: z.number().int().nonnegative(),
  kind: z.enum(SOURCE_DEFECT_KINDS),
  /** The source's text as printed. */
  quote: textSchema(2_000),
  /** What the transcription did about it. */
  repaired: localizedTextSchema,
  /** The record, table or block the repair concerns. */
  ref: textSchema(120).nullable().default(null),
});

export const periodFileSchema = z.strictObject({
  format: z.literal(PERIOD_FORMAT),
  plan: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/),
  period: z.strictObject({
    year: yearSchema,
    /** Omitted: unchanged (files add up); null: cleared. */
    opens: isoDateSchema.nullable().optional(),
    deadline: isoDateSchema.nullable().optional(),
  }),
  /** Title of the source document, when the period was transcribed from one. Omitted: unchanged. */
  source: localizedTextSchema.nullable().optional(),
  activities: z.array(activitySchema).default([]),
  narratives: z.array(narrativeBlockSchema).default([]),
  tables: z.array(tableSpecSchema).default([]),
  callouts: z.array(calloutSchema).default([]),
  claims: z.array(claimSchema).default([]),
  indicatorValues: z.array(indicatorValueSchema).default([]),
  /** The source document's headings in printed order (for structural checks). */
  outline: z.array(outlineEntrySchema).default([]),
  /** The same activity reported in two places: its figures are compared. Omitted: none. */
  links: z.array(recordLinkSchema).optional(),
  /** The source document's defects repaired during data entry. Omitted: none. */
  sourceDefects: z.array(sourceDefectSchema).optional(),
});

export type PeriodFile = z.infer<typeof periodFileSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type ActivityAttributes = z.infer<typeof activityAttributesSchema>;
export type NarrativeBlock = z.infer<typeof narrativeBlockSchema>;
export type TableSpec = z.infer<typeof tableSpecSchema>;
export type Callout = z.infer<typeof calloutSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;
export type OutlineEntry = z.infer<typeof outlineEntrySchema>;
export type RecordLink = z.infer<typeof recordLinkSchema>;
export type SourceDefect = z.infer<typeof sourceDefectSchema>;
