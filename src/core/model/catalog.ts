import type { FigureCatalog } from '../expressions/index.js';

/** Everything a period's data may refer to: the plan's codes and the places. */
export interface PlanCatalog extends FigureCatalog {
  planId: string | null;
  indicators: ReadonlySet<string>;
}

export function emptyCatalog(): PlanCatalog {
  return {
    planId: null,
    institutions: new Map(),
    coursesOfAction: new Map(),
    goals: new Map(),
    pillars: new Set(),
    places: new Map(),
    indicators: new Set(),
  };
}
