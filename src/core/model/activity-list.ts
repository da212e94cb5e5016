/** Columns the signed-in activities list can be sorted by (server-side), and the page sizes it offers. */
export const ACTIVITY_SORT_KEYS = [
  'order',
  'title',
  'institution',
  'kind',
  'coa',
  'date',
  'women',
  'men',
  'notRecorded',
  'total',
  'share',
  'state',
] as const;
export type ActivitySortKey = (typeof ACTIVITY_SORT_KEYS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;
