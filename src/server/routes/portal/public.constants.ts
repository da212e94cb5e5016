/** Vocabularies of the public API, without dependencies (the web application imports them). */
export { PIVOT_DIMENSIONS, PIVOT_MEASURES } from '../../../core/model/pivot-vocabulary.js';
export const MAP_METRICS = ['networks-created', 'network-women', 'people-trained', 'women-trained'] as const;
export const KEY_FIGURE_KEYS = [
  'activities',
  'people',
  'women',
  'womenShare',
  'peopleTrained',
  'womenTrained',
  'networksCreated',
  'womenDeployedShare',
] as const;
export const DATASET_NAMES = ['records', 'indicators', 'states', 'deployments'] as const;
export const OPEN_FORMATS = ['csv', 'xlsx', 'json'] as const;
/** Files of the open-data folder: every dataset in every format, the whole workbook and the Data Package. */
export const OPEN_FILES = [
  ...DATASET_NAMES.flatMap((d) => OPEN_FORMATS.map((f) => `${d}.${f}`)),
  'all.xlsx',
  'datapackage.json',
] as const;
