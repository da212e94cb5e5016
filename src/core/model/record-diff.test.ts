import { describe, expect, it } from 'vitest';
import { makeActivity } from '../../../test/factories.js';
import { diffFields, diffRecords } from './record-diff.js';

describe('diffRecords: what changed in a submission since it was returned', () => {
  const a = makeActivity({ id: 'a', women: 32, men: null, places: ['MX-09'], attributes: { modality: 'online' } });
  const b = makeActivity({ id: 'b', women: 5 });
  const c = makeActivity({ id: 'c', women: 1 });

  it('lists added, removed and changed records, field by field in reading order', () => {
    const a2 = { ...a, men: 42, title: { es: 'Nuevo título', en: 'New title' }, places: ['MX-09', 'MX-31'] };
    const d = makeActivity({ id: 'd', women: 9 });
    const r = diffRecords([a, b, c], [a2, b, d]);
    expect(r.added.map((x) => x.id)).toEqual(['d']);
    expect(r.removed.map((x) => x.id)).toEqual(['c']);
    expect(r.unchanged).toBe(1);
    expect(r.changed).toHaveLength(1);
    expect(r.changed[0]!.title.es).toBe('Nuevo título');
    expect(r.changed[0]!.fields).toEqual([
      { field: 'title', before: a.title, after: a2.title },
      { field: 'places', before: ['MX-09'], after: ['MX-09', 'MX-31'] },
      { field: 'men', before: null, after: 42 },
    ]);
  });

  it('ignores the order of object keys but not the order of lists', () => {
    const reordered = { ...a, attributes: { modality: 'online' as const } };
    expect(diffFields(a, JSON.parse(JSON.stringify(reordered)) as typeof a)).toEqual([]);
    expect(diffFields({ ...a, places: ['MX-31', 'MX-09'] }, { ...a, places: ['MX-09', 'MX-31'] })).toHaveLength(1);
  });

  it('finds nothing between identical sets', () => {
    expect(diffRecords([a, b], [b, a])).toEqual({ added: [], removed: [], changed: [], unchanged: 2 });
  });
});
