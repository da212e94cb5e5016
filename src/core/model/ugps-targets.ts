import type { UgpsCategory } from './kinds.js';

/**
 * Targets of the UN Uniformed Gender Parity Strategy 2018–2028 (DPO): the share of women, in percent,
 * that each category of uniformed personnel a country deploys should reach in a year.
 *
 * Sources (as collected in research/mission-anchors.md §9.1):
 * - military contingents 8% (2021) and military observers + staff officers 18% (2021): DPO, "Gender
 *   Parity Target Achievers" (peacekeeping.un.org, mirrored at
 *   http://dd-floors.com/en/delegate/acknowledging-uniformed-gender-parity-target-achievers);
 * - formed police units 12% (2022): UN Police, https://police.un.org/en/unpol-component-un-assistance-mission-somalia-surpasses-gender-parity-targets-2028;
 * - 2028 end targets (contingents 15%, observers + staff officers 25%, FPU 20%, individual police 30%):
 *   Elsie Initiative Fund, https://elsiefund.org/un-strategies-eifund/, confirmed in Canadian
 *   parliamentary testimony, https://openparliament.ca/committees/national-defence/43-2/2/james-bezan-1;
 * - full text: https://peacekeeping.un.org/en/uniformed-gender-parity-strategy-2018-2018-full-text.
 * Military lines between the verified points rise by one point a year (2021 → 2028); those values are
 * marked `verified: false` and shown as such until checked against the strategy's annex. No target is
 * stored for a year the sources do not give (FPU and individual police before 2028, except FPU 2022;
 * justice and corrections).
 */
export interface UgpsTarget {
  category: UgpsCategory;
  year: number;
  /** Target share of women, percent. */
  value: number;
  verified: boolean;
  source: string;
}

const DPO = 'DPO, Gender Parity Target Achievers (2021)';
const UNPOL = 'UN Police (2022)';
const ELSIE = 'Elsie Initiative Fund: UN strategies (2028 targets)';
const LINE = 'interpolated between the 2021 and 2028 targets (unverified)';

function line(category: UgpsCategory, from: number, to: number, verified: Record<number, string>): UgpsTarget[] {
  const out: UgpsTarget[] = [];
  for (let year = 2021; year <= 2028; year++) {
    const source = verified[year];
    out.push({ category, year, value: from + (year - 2021), verified: source !== undefined, source: source ?? LINE });
  }
  return out.filter((t) => t.value <= to);
}

export const UGPS_TARGETS: readonly UgpsTarget[] = [
  ...line('military-contingent', 8, 15, { 2021: DPO, 2028: ELSIE }),
  ...line('military-observer-staff-officer', 18, 25, { 2021: DPO, 2028: ELSIE }),
  { category: 'formed-police-unit', year: 2022, value: 12, verified: true, source: UNPOL },
  { category: 'formed-police-unit', year: 2028, value: 20, verified: true, source: ELSIE },
  { category: 'individual-police-officer', year: 2028, value: 30, verified: true, source: ELSIE },
];

/** The four categories the public pages compare (justice and corrections has no verified target). */
export const UGPS_COMPARED: readonly UgpsCategory[] = [
  'military-contingent',
  'military-observer-staff-officer',
  'formed-police-unit',
  'individual-police-officer',
];

/** The target of a category for a year, or null when the sources give none for that year. */
export function ugpsTarget(category: UgpsCategory, year: number): UgpsTarget | null {
  return UGPS_TARGETS.find((t) => t.category === category && t.year === year) ?? null;
}

/** The strategy's end target (2028) of a category, or null. */
export function ugpsEndTarget(category: UgpsCategory): UgpsTarget | null {
  return ugpsTarget(category, 2028);
}
