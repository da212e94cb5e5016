import type { PlanFile } from '../../../../core/schemas/plan.schema.js';
import type { PeriodRow } from '../../../../server/routes/reporting/periods.schemas.js';
import { useResource, type Resource } from '../../../components/ui/use-resource.js';

export type { PeriodRow };

/** The plan (institutions, pillars, goals, courses of action, indicators). */
export function usePlan(): Resource<PlanFile> {
  return useResource<PlanFile>('/api/plan');
}

/** Reporting periods, oldest first. */
export function usePeriods(): Resource<PeriodRow[]> {
  return useResource<PeriodRow[]>('/api/periods');
}

/** The period a page shows: the one in the URL when it exists, else the latest. */
export function choosePeriod(periods: readonly PeriodRow[] | null, fromUrl: string | null): number | null {
  if (!periods || periods.length === 0) return null;
  const asked = fromUrl === null ? NaN : Number(fromUrl);
  if (periods.some((p) => p.year === asked)) return asked;
  return Math.max(...periods.map((p) => p.year));
}
