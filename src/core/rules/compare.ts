import { roundHalfAwayFromZero } from '../expressions/evaluate.js';
import type { Claim } from '../schemas/period.schema.js';

/** Decimals the source printed (30.05 → 2, 376 → 0). */
export function printedDecimals(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Whether a computed value agrees with a stated one: the computed value is rounded to the decimals the
 * source printed (a stated 33.33 agrees with 33.333…), then compared with the stated relation.
 */
export function agrees(stated: number, computed: number, relation: Claim['relation'] = '='): boolean {
  const d = printedDecimals(stated);
  // The same decimal rounding as the figure language's round(): 0.35 → 0.4, 1.005 → 1.01.
  // Beyond 6 decimals a stated number is a computed one: compare it as a float.
  const rounded =
    d <= 6
      ? roundHalfAwayFromZero(computed, d)
      : Math.abs(computed - stated) <= 1e-9 * Math.max(1, Math.abs(stated))
        ? stated
        : computed;
  switch (relation) {
    case '=':
      return rounded === stated;
    case '>':
      return computed > stated;
    case '>=':
      return computed >= stated;
    case '<':
      return computed < stated;
    case '<=':
      return computed <= stated;
  }
}

export function formatNumber(n: number, lang: 'es' | 'en', decimals?: number): string {
  return new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', {
    maximumFractionDigits: decimals ?? 2,
    minimumFractionDigits: decimals ?? 0,
  }).format(n);
}
