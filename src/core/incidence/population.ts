/** Mid-year women of the nation and each entity ("01"…"32") in one year, from CONAPO's projections. */
export interface WomenPopulation {
  year: number;
  national: number;
  byEntity: Record<string, number>;
}
