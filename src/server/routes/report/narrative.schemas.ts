import { z } from 'zod';
import { idSchema } from '../../../core/schemas/common.schema.js';
import { sectionSchema } from '../../../core/schemas/period.schema.js';

/** The narrative editor's API (issue 9 §2); the web page imports the types. */
const localized = z.object({ es: z.string(), en: z.string() });

export const narrativePeriodParams = z.strictObject({ period: z.coerce.number().int().min(1900).max(2200) });
export const narrativeBlockParams = narrativePeriodParams.extend({ id: idSchema });

const figureName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, 'figure names are letters, digits and "_"');
/** Texts may be empty here: the service names the missing language (it is never filled from the other). */
const editText = z.strictObject({ es: z.string().max(20_000), en: z.string().max(20_000) });
const editFigures = z.record(figureName, z.string().trim().min(1).max(4_000));

export const narrativeSaveBody = z.strictObject({
  section: sectionSchema,
  order: z.number().int().nonnegative().max(1_000_000).optional(),
  label: z.string().trim().min(1).max(10).nullable().optional(),
  text: editText,
  figures: editFigures.default({}),
  activities: z.array(idSchema).max(2_000).optional(),
  /** "replaces" needs at least one activity, "introduces" none; not stored (a block naming activities replaces them). */
  role: z.enum(['introduces', 'replaces']).optional(),
  version: z.number().int().nonnegative().optional(),
});

export const narrativePreviewBody = z.strictObject({
  text: editText,
  figures: editFigures.default({}),
  /** A section whose generated text the answer also gives, activity by activity. */
  section: sectionSchema.optional(),
});

/** Every block of a section in the new order, each with the version the editor read. */
export const narrativeOrderBody = z.strictObject({
  section: sectionSchema,
  blocks: z
    .array(z.strictObject({ id: idSchema, version: z.number().int().nonnegative() }))
    .min(1)
    .max(500),
});

export const storedBlockSchema = z.object({
  id: z.string(),
  section: z.string(),
  order: z.number(),
  label: z.string().nullable(),
  list: z.string().nullable(),
  institution: z.string().nullable(),
  text: localized,
  figures: z.record(z.string(), z.string()),
  activities: z.array(z.string()).optional(),
  role: z.enum(['introduces', 'replaces']),
  version: z.number(),
});

export const narrativeOutlineSchema = z.object({
  period: z.number(),
  sections: z.array(
    z.object({
      section: z.string(),
      level: z.enum(['front', 'back', 'pillar', 'goal', 'coa']),
      title: localized,
      activities: z.array(z.object({ id: z.string(), institution: z.string(), title: localized })),
    }),
  ),
  blocks: z.array(storedBlockSchema),
});

const generatedTable = z.object({
  title: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  total: z.array(z.string()).nullable(),
});

/** A course of action's text generated from the records, activity by activity, as the report prints it when no block covers it. */
export const generatedSectionSchema = z.object({
  section: z.string(),
  activities: z.array(
    z.object({
      id: z.string(),
      institution: z.string(),
      title: localized,
      home: z.string().nullable(),
      approved: z.boolean(),
      coveredBy: z.array(z.object({ kind: z.enum(['block', 'table']), id: z.string() })),
      text: localized,
      table: z.object({ es: generatedTable, en: generatedTable }).nullable(),
    }),
  ),
});

const previewPart = z.union([
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('figure'), name: z.string(), text: z.string(), value: z.number().nullable() }),
  z.object({ kind: z.literal('unknown'), name: z.string() }),
]);

export const narrativePreviewSchema = z.object({
  figures: z.record(
    z.string(),
    z.object({
      expr: z.string(),
      formula: z.string().nullable(),
      value: z.number().nullable(),
      text: localized.nullable(),
      recordCount: z.number(),
      recordIds: z.array(z.string()),
      error: localized.nullable(),
    }),
  ),
  text: z.object({
    es: z.object({ missing: z.boolean(), parts: z.array(previewPart), typedNumbers: z.array(z.string()) }),
    en: z.object({ missing: z.boolean(), parts: z.array(previewPart), typedNumbers: z.array(z.string()) }),
  }),
  section: generatedSectionSchema.nullable(),
});

export const narrativeOrderSchema = z.object({ blocks: z.array(storedBlockSchema) });

export type NarrativeOutlineDto = z.infer<typeof narrativeOutlineSchema>;
export type StoredBlockDto = z.infer<typeof storedBlockSchema>;
export type NarrativePreviewDto = z.infer<typeof narrativePreviewSchema>;
export type NarrativeSaveBody = z.input<typeof narrativeSaveBody>;
export type GeneratedSectionDto = z.infer<typeof generatedSectionSchema>;
export type NarrativeOrderDto = z.infer<typeof narrativeOrderSchema>;
export type NarrativeOrderBody = z.input<typeof narrativeOrderBody>;
