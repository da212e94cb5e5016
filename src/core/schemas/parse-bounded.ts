import { parseWithSchema, type SchemaProblem } from '../i18n/schema-messages.js';
import { activitySchema, periodFileSchema, type PeriodFile } from './period.schema.js';

/** A refused file lists at most this many problems: the rest are counted, not listed. */
export const MAX_LISTED_PROBLEMS = 200;

/**
 * Validates a period file record by record and stops at MAX_LISTED_PROBLEMS problems, so that a file of
 * a million invalid records is refused in the time of its first few hundred (a schema over the whole
 * file would build millions of problems, twice, before answering). Valid records are parsed once.
 */
export function parsePeriodFile(
  value: unknown,
): { ok: true; data: PeriodFile } | { ok: false; problems: SchemaProblem[] } {
  if (!isRecord(value) || !Array.isArray(value.activities)) return parseWithSchema(periodFileSchema, value);
  const activities: unknown[] = value.activities;
  const problems: SchemaProblem[] = [];
  const parsed: PeriodFile['activities'] = [];
  let i = 0;
  for (; i < activities.length && problems.length < MAX_LISTED_PROBLEMS; i++) {
    const r = activitySchema.safeParse(activities[i]);
    if (r.success) parsed.push(r.data);
    else {
      const detailed = parseWithSchema(activitySchema, activities[i]);
      if (!detailed.ok) for (const p of detailed.problems) problems.push({ ...p, path: ['activities', i, ...p.path] });
    }
  }
  const envelope = parseWithSchema(periodFileSchema, { ...value, activities: [] });
  if (!envelope.ok) problems.push(...envelope.problems);
  if (problems.length === 0 && envelope.ok) return { ok: true, data: { ...envelope.data, activities: parsed } };
  if (i < activities.length || problems.length > MAX_LISTED_PROBLEMS) {
    problems.splice(MAX_LISTED_PROBLEMS);
    problems.push({
      path: ['activities'],
      message: {
        es: `se detuvo la revisión tras ${MAX_LISTED_PROBLEMS} problemas (registro ${i} de ${activities.length}); corrija estos y vuelva a intentarlo`,
        en: `checking stopped after ${MAX_LISTED_PROBLEMS} problems (record ${i} of ${activities.length}); fix these and try again`,
      },
    });
  }
  return { ok: false, problems };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
