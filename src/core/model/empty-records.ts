import { PERIOD_FORMAT, type Activity, type PeriodFile } from '../schemas/period.schema.js';

/** An activity with only what every record must have; every other field at its empty value (the period schema's defaults). */
export function emptyActivity(required: Pick<Activity, 'id' | 'kind' | 'institution' | 'title'>): Activity {
  return {
    id: required.id,
    kind: required.kind,
    institution: required.institution,
    parent: null,
    coursesOfAction: [],
    order: 0,
    label: null,
    list: null,
    title: required.title,
    summary: null,
    dates: [],
    places: [],
    women: null,
    men: null,
    notRecorded: null,
    quantity: null,
    unit: null,
    measures: {},
    items: [],
    attributes: {},
    evidence: [],
  };
}

/** The report parts of a period file that a file of records alone leaves empty. */
export function emptyPeriodParts(): Omit<PeriodFile, 'format' | 'plan' | 'period' | 'source' | 'activities'> {
  return { narratives: [], tables: [], callouts: [], claims: [], indicatorValues: [], outline: [] };
}

/** A period file that holds only activities (no dates, no source, no report parts). */
export function activitiesPeriodFile(plan: string, year: number, activities: Activity[]): PeriodFile {
  return {
    format: PERIOD_FORMAT,
    plan,
    period: { year, opens: null, deadline: null },
    source: null,
    activities,
    ...emptyPeriodParts(),
  };
}
