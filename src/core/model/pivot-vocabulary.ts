/** What the portal's explorer pivots by and measures: one list for the service, the API's schemas and the web. */
/** What a pivot can group by. A record linked to several courses of action or entities falls in each. */
export const PIVOT_DIMENSIONS = [
  'period',
  'ministry',
  'institution',
  'kind',
  'pillar',
  'goal',
  'coa',
  'state',
  'sex',
] as const;
export type PivotDimension = (typeof PIVOT_DIMENSIONS)[number];

export const PIVOT_MEASURES = ['total', 'women', 'men', 'notRecorded', 'share', 'activities'] as const;
export type PivotMeasure = (typeof PIVOT_MEASURES)[number];
