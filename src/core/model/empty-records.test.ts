import { describe, expect, it } from 'vitest';
import { activitySchema, periodFileSchema } from '../schemas/period.schema.js';
import { activitiesPeriodFile, emptyActivity, emptyPeriodParts } from './empty-records.js';

describe('empty records', () => {
  it('an empty activity is what the period schema makes of its required fields alone', () => {
    const required = {
      id: 'min-2023-x',
      kind: 'event',
      institution: 'MIN',
      title: { es: 'Foro', en: 'Forum' },
    } as const;
    expect(emptyActivity(required)).toEqual(activitySchema.parse(required));
  });

  it('an activities-only period file is what the schema makes of the file without report parts', () => {
    const activity = emptyActivity({ id: 'a', kind: 'training', institution: 'MIN', title: { es: 'a', en: 'a' } });
    const file = activitiesPeriodFile('test-plan', 2023, [activity]);
    expect(file).toEqual(
      periodFileSchema.parse({
        format: 'nap1325/period@1',
        plan: 'test-plan',
        period: { year: 2023, opens: null, deadline: null },
        source: null,
        activities: [activity],
      }),
    );
    expect(Object.values(emptyPeriodParts()).every((part) => Array.isArray(part) && part.length === 0)).toBe(true);
  });
});
