import { describe, expect, it } from 'vitest';
import { changedFields } from './history.js';

describe('record history', () => {
  it('lists only what changed, attributes one by one', () => {
    const before = {
      id: 'a',
      women: 30,
      men: null,
      title: { es: 'Curso', en: 'Course' },
      dates: [{ start: '2022-01-01', end: '2022-01-01' }],
      attributes: { modality: 'online', mission: 'X' },
    };
    const after = {
      ...before,
      women: 32,
      title: { es: 'Curso', en: 'Courses' },
      dates: [{ start: '2022-01-01', end: '2022-01-05' }],
      attributes: { modality: 'online' },
    };
    expect(changedFields(before, after)).toEqual([
      { field: 'women', before: '30', after: '32' },
      { field: 'title', before: 'Curso / Course', after: 'Curso / Courses' },
      { field: 'dates', before: '2022-01-01', after: '2022-01-01 – 2022-01-05' },
      { field: 'mission', before: 'X', after: '—' },
    ]);
  });

  it('a creation shows every field that has a value; a deletion every field it had', () => {
    expect(changedFields(null, { women: 32, men: null, places: [] })).toEqual([
      { field: 'women', before: '—', after: '32' },
    ]);
    expect(changedFields({ women: 32 }, null)).toEqual([{ field: 'women', before: '32', after: '—' }]);
  });
});
