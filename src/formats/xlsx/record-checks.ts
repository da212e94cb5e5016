import { createMemorySource } from '../../core/expressions/index.js';
import type { PlanCatalog } from '../../core/model/catalog.js';
import { checkDates } from '../../core/rules/dates.rule.js';
import { checkValues } from '../../core/rules/values.rule.js';
import type { Activity, PeriodFile } from '../../core/schemas/period.schema.js';
import type { PlanFile } from '../../core/schemas/plan.schema.js';

export interface RecordFinding {
  id: string;
  /** The activity field the finding is about (for the column). */
  path: (string | number)[];
  message: { es: string; en: string };
}

/**
 * The checker rules that judge records on their own (dates outside the period, a deployment without
 * personnel, a network without its number), run on the period as it would be after the upload:
 * stored records with the uploaded ones in their place. Only findings about uploaded rows are returned.
 */
export function recordFindings(
  plan: PlanFile,
  catalog: PlanCatalog,
  upload: PeriodFile,
  stored: readonly Activity[],
): RecordFinding[] {
  const uploaded = new Map(upload.activities.map((a) => [a.id, a]));
  const period: PeriodFile = {
    ...upload,
    activities: [...stored.filter((a) => !uploaded.has(a.id)), ...upload.activities],
  };
  const input = { plan, catalog, period, source: createMemorySource([], catalog) };
  const out: RecordFinding[] = [];
  for (const f of [...checkDates(input), ...checkValues(input)]) {
    const a = f.ref === null ? undefined : uploaded.get(f.ref);
    if (!a) continue;
    const path = f.rule === 'date-outside-period' ? ['dates'] : a.kind === 'network' ? ['quantity'] : ['women'];
    out.push({ id: a.id, path, message: f.message });
  }
  return out;
}
