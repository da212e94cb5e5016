import { z } from 'zod';

/** Control characters other than tab, line feed and carriage return (NUL, BEL, ESC, DEL…). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Bidirectional embeddings, overrides and isolates: they reorder how text is shown without changing it. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
export const CONTROL_CHAR_MESSAGE = 'contains a control character (such as NUL, BEL or ESC); remove it';
export const BIDI_CONTROL_MESSAGE =
  'contains a bidirectional override character (U+202A–U+202E, U+2066–U+2069) that changes how the text is shown; remove it';

/** Free text of 1 to `max` characters, trimmed, without control characters or bidirectional overrides. */
export function textSchema(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL_CHAR.test(s), CONTROL_CHAR_MESSAGE)
    .refine((s) => !BIDI_CONTROL.test(s), BIDI_CONTROL_MESSAGE);
}

/** A name chosen by the file (a measure, a figure, a table cell): never one of an object's own properties. */
export const RESERVED_NAME_MESSAGE = 'is a reserved name ("__proto__", "constructor"…); choose another';
export function isReservedName(name: string): boolean {
  return name === '__proto__' || name in Object.prototype;
}

/**
 * A record of names chosen by the file. A JSON key "__proto__" is an own property of the parsed object
 * that a plain copy would turn into the prototype and lose (zod's record skips it), so reserved names are
 * refused at the key before the record is read. No transform:
 * the same schema serializes answers (fastify-type-provider-zod encodes with it).
 */
export function namedRecordSchema<K extends z.ZodType<string>, V extends z.ZodType>(key: K, value: V) {
  return z
    .custom<z.input<z.ZodRecord<K, V>>>()
    .superRefine((v, ctx) => {
      if (typeof v !== 'object' || v === null) return;
      for (const name of Object.keys(v))
        if (isReservedName(name)) ctx.addIssue({ code: 'custom', message: RESERVED_NAME_MESSAGE, path: [name] });
    })
    .pipe(z.record(key, value));
}

/** Text in both working languages; Spanish is the original where the plan is Mexico's. */
export const localizedTextSchema = z.strictObject({
  es: textSchema(20_000),
  en: textSchema(20_000),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Stable identifier of a record: lower-case letters, digits, dot, dash, underscore. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,119}$/, 'must be 1–120 characters: a–z, 0–9, ".", "_", "-"');

/** Code of a plan element or institution, as printed: letters, digits, dot, dash. */
export const codeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,39}$/, 'must be 1–40 characters: A–Z, a–z, 0–9, ".", "-"');

/** Place code: ISO 3166-1 alpha-2 country ("MX"), or country + subdivision key ("MX-09", "MX-09001"). */
export const placeCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}(-[0-9A-Z]{1,10})?$/, 'must be an ISO country code ("CO") or "MX-09" / "MX-09001"');

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');

export const yearSchema = z.number().int().min(1900).max(2200);
export const MAX_COUNT = 2_147_483_647;
export const countSchema = z
  .number()
  .int('must be a whole number')
  .nonnegative('must not be negative')
  .max(MAX_COUNT, 'is too large');
export const urlSchema = z
  .string()
  .max(2_000)
  .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL');
