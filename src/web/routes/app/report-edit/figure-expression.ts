/** The figure picker's choice and the figure-language expression it writes (docs/figure-language.md). */
export interface FigureChoice {
  measure: 'total' | 'women' | 'men' | 'notRecorded' | 'quantity' | 'count';
  institution: string;
  kind: string;
  coa: string;
  place: string;
}

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** `sum(women where institution = "SEMAR" and kind = "training")`; `count(…)` counts records. */
export function buildFigureExpression(c: FigureChoice): string {
  const filters = [
    c.institution && `institution = ${quote(c.institution)}`,
    c.kind && `kind = ${quote(c.kind)}`,
    c.coa && `coa = ${quote(c.coa)}`,
    c.place && `place = ${quote(c.place)}`,
  ].filter(Boolean);
  // Activities are counted once each (not their editions); a count is stored at one level only, so a sum never counts twice.
  if (c.measure === 'count') return `count(where ${['root', ...filters].join(' and ')})`;
  return filters.length > 0 ? `sum(${c.measure} where ${filters.join(' and ')})` : `sum(${c.measure})`;
}

/** The first free name f1, f2, … among a block's figures. */
export function nextFigureName(figures: Record<string, string>): string {
  let n = 1;
  while (`f${n}` in figures) n += 1;
  return `f${n}`;
}
