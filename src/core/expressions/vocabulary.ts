import { ACTIVITY_KINDS } from '../model/kinds.js';

/** Limits on the source text (a longer or deeper expression is rejected with an error). */
export const MAX_EXPRESSION_LENGTH = 4000;
export const MAX_NESTING_DEPTH = 64;
export const MAX_ROUND_DIGITS = 6;

export const COUNT_FIELDS = ['women', 'men', 'notRecorded', 'total'] as const;
export const NUMBER_FIELDS = ['quantity'] as const;
export const MEASURE_PREFIX = 'measure.';
export const ATTRIBUTE_PREFIX = 'attr.';

export const DIMENSIONS = ['place', 'state', 'institution', 'kind', 'coa', 'goal', 'pillar'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const FILTER_KEYS = [
  'id',
  'kind',
  'institution',
  'period',
  'pillar',
  'goal',
  'coa',
  'place',
  'parent',
  'ancestor',
  'within',
  'unit',
  'list',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const AGGREGATE_FUNCTIONS = ['sum', 'count', 'distinct', 'items'] as const;
export const PAIR_FUNCTIONS = ['share', 'ratio', 'growth'] as const;
export const FUNCTIONS = [...AGGREGATE_FUNCTIONS, ...PAIR_FUNCTIONS, 'round'] as const;

/** Words that can never be a field, dimension or filter key. */
export const RESERVED_WORDS = new Set(['where', 'and', 'or', 'not', 'in', 'true', 'false', 'leaf', 'root']);

export const KINDS: readonly string[] = ACTIVITY_KINDS;

export function isCountField(name: string): boolean {
  return (COUNT_FIELDS as readonly string[]).includes(name);
}

export function isField(name: string): boolean {
  return (
    isCountField(name) ||
    (NUMBER_FIELDS as readonly string[]).includes(name) ||
    (name.startsWith(MEASURE_PREFIX) && name.length > MEASURE_PREFIX.length)
  );
}

export function isDimension(name: string): name is Dimension {
  return (DIMENSIONS as readonly string[]).includes(name);
}

export function isFilterKey(name: string): name is FilterKey {
  return (FILTER_KEYS as readonly string[]).includes(name);
}

export function isAttributeKey(name: string): boolean {
  return name.startsWith(ATTRIBUTE_PREFIX) && name.length > ATTRIBUTE_PREFIX.length;
}
