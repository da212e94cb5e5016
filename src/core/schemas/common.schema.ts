import { z } from 'zod';

/**
 * Control characters (other than tab and line breaks) and bidirectional overrides: invisible in a
 * form, they reorder or hide what a reader sees in a report (a title that prints differently from
 * what was approved).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** Free text of at most `max` characters, trimmed, without hidden characters. */
export function plainText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !HIDDEN_CHARACTERS.test(s), 'must not contain control characters or bidirectional overrides');
}

/** Text in both working languages; Spanish is the original where the plan is Mexico's. */
export const localizedTextSchema = z.strictObject({
  es: plainText(20_000),
  en: plainText(20_000),
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
