/**
 * An indicator's honest status for a period: "no target" when the plan sets none (never "on track"),
 * "in progress" while the target is due in a later year — with the value needed this year if progress
 * from the baseline were linear —, "met" / "not met" only in or after the target year (or for a target
 * without a year). Pure.
 */
import type { Indicator } from '../../schemas/plan.schema.js';
import type { ReportIndicatorStatus } from '../document.js';

export function indicatorStatus(
  value: number | null,
  ind: Pick<Indicator, 'target' | 'baseline'>,
  year: number,
): { status: ReportIndicatorStatus; needed: number | null } {
  const target = ind.target;
  if (!target) return { status: value === null ? 'no-data' : 'no-target', needed: null };
  if (target.year !== null && target.year !== undefined && year < target.year) {
    const b = ind.baseline;
    const needed =
      b && b.year < target.year && b.year <= year
        ? Math.round((b.value + ((target.value - b.value) * (year - b.year)) / (target.year - b.year)) * 100) / 100
        : null;
    return { status: 'in-progress', needed };
  }
  if (value === null) return { status: 'no-data', needed: null };
  const t = target.value;
  const ok = { '>=': value >= t, '>': value > t, '<=': value <= t, '<': value < t, '=': value === t }[
    target.comparator
  ];
  return { status: ok ? 'met' : 'not-met', needed: null };
}
