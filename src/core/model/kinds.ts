/** Vocabularies shared by the model, the figure language and the checker. */

export const ACTIVITY_KINDS = [
  'training',
  'event',
  'deployment',
  'network',
  'engagement',
  'infrastructure',
  'material',
  'publication',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** UN Uniformed Gender Parity Strategy categories. */
export const UGPS_CATEGORIES = [
  'military-contingent',
  'military-observer-staff-officer',
  'formed-police-unit',
  'individual-police-officer',
  'justice-corrections',
] as const;
export type UgpsCategory = (typeof UGPS_CATEGORIES)[number];

export const NETWORK_ACTIONS = ['created', 'strengthened'] as const;
export const MODALITIES = ['in-person', 'online', 'hybrid'] as const;
export const INDICATOR_UNITS = ['count', 'percent', 'ratio', 'text'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
export const COMPARATORS = ['>=', '>', '<=', '<', '='] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const PLACE_KINDS = ['country', 'state', 'municipality'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export const OUTLINE_LEVELS = ['pillar', 'goal', 'coa', 'table'] as const;
export const CLAIM_LOCATIONS = ['text', 'table-cell', 'callout', 'indicator', 'heading'] as const;
/** Defects of a source document repaired while transcribing it (each is kept as a finding of the source). */
export const SOURCE_DEFECT_KINDS = [
  'misspelt-heading',
  'swapped-columns',
  'split-cell',
  'shifted-row',
  'stray-markup',
  'number-format',
  'two-names',
  'misplaced-item',
  'other',
] as const;
export const LANGS = ['es', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Attribute keys that belong to one kind only; anything else is common to all kinds. */
export const KIND_ONLY_ATTRIBUTES: Record<string, readonly ActivityKind[]> = {
  mission: ['deployment'],
  ugpsCategory: ['deployment'],
  networkAction: ['network'],
  fund: ['network'],
  forum: ['engagement'],
};
