import { z } from 'zod';
import { COMPARATORS, INDICATOR_UNITS, PLACE_KINDS } from '../model/kinds.js';
import { codeSchema, localizedTextSchema, placeCodeSchema, textSchema, yearSchema } from './common.schema.js';

export const PLAN_FORMAT = 'nap1325/plan@1';

export const institutionSchema = z.strictObject({
  code: codeSchema,
  acronym: textSchema(40),
  parent: codeSchema.nullable().default(null),
  name: localizedTextSchema,
});

export const pillarSchema = z.strictObject({
  code: codeSchema,
  number: z.number().int().positive(),
  title: localizedTextSchema,
});

export const goalSchema = z.strictObject({
  code: codeSchema,
  pillar: codeSchema,
  number: z.number().int().positive(),
  text: localizedTextSchema,
});

export const courseOfActionSchema = z.strictObject({
  code: codeSchema,
  goal: codeSchema,
  number: z.number().int().positive(),
  text: localizedTextSchema,
  institutions: z.array(codeSchema).default([]),
});

export const indicatorLinkSchema = z.strictObject({
  framework: z.enum(['UN-1325-global', 'UGPS', 'SDG', 'other']),
  code: textSchema(60),
});

export const indicatorSchema = z.strictObject({
  code: codeSchema,
  courseOfAction: codeSchema,
  number: z.number().int().positive(),
  text: localizedTextSchema,
  unit: z.enum(INDICATOR_UNITS),
  baseline: z.strictObject({ value: z.number().finite(), year: yearSchema }).nullable().default(null),
  target: z
    .strictObject({
      comparator: z.enum(COMPARATORS),
      value: z.number().finite(),
      year: yearSchema.nullable().default(null),
    })
    .nullable()
    .default(null),
  /** Figure-language expression that computes the indicator for a period; null = manual value only. */
  formula: textSchema(4_000).nullable().default(null),
  calculation: localizedTextSchema.nullable().default(null),
  links: z.array(indicatorLinkSchema).default([]),
});

export const placeSchema = z.strictObject({
  code: placeCodeSchema,
  kind: z.enum(PLACE_KINDS),
  parent: placeCodeSchema.nullable().default(null),
  name: localizedTextSchema,
});

export const planFileSchema = z.strictObject({
  format: z.literal(PLAN_FORMAT),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'must be 1–60 characters: a–z, 0–9, "-"'),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
  title: localizedTextSchema,
  published: z
    .string()
    .regex(/^\d{4}(-\d{2}){0,2}$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
    .nullable()
    .default(null),
  startYear: yearSchema,
  endYear: yearSchema.nullable().default(null),
  institutions: z.array(institutionSchema).min(1),
  pillars: z.array(pillarSchema).min(1),
  goals: z.array(goalSchema).min(1),
  coursesOfAction: z.array(courseOfActionSchema).min(1),
  indicators: z.array(indicatorSchema).default([]),
  /** Extra places beyond the built-in catalogue (countries and Mexico's states and municipalities). */
  places: z.array(placeSchema).default([]),
});

export type PlanFile = z.infer<typeof planFileSchema>;
export type Institution = z.infer<typeof institutionSchema>;
export type Pillar = z.infer<typeof pillarSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type CourseOfAction = z.infer<typeof courseOfActionSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Place = z.infer<typeof placeSchema>;
