import { describe, expect, it } from 'vitest';
import { blankDraft, moved, replacedBy, saveBody } from './draft.js';

describe('the narrative editor’s draft', () => {
  it('moves a block up or down, not past the ends', () => {
    expect(moved(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b'], 'a', -1)).toBeNull();
    expect(moved(['a', 'b'], 'b', 1)).toBeNull();
  });

  it('saves a new block after the section’s last one; an introduction sends no activities', () => {
    const d = { ...blankDraft('coa:1.1', 0), activities: ['x'] };
    const blocks = [{ order: 7 }, { order: 3 }];
    expect(saveBody(d, 'coa:1.1', blocks)).toMatchObject({ order: 8, role: 'introduces', activities: [] });
    expect(saveBody({ ...d, role: 'replaces', order: 2 }, 'coa:1.1', blocks)).toMatchObject({
      order: 2,
      activities: ['x'],
    });
  });

  it('an activity is replaced by the draft when checked, or by another block or table that names it', () => {
    const draft = { id: 'b1', role: 'replaces' as const, activities: ['a1'] };
    expect(replacedBy({ id: 'a1', coveredBy: [] }, draft)).toBe('b1');
    expect(replacedBy({ id: 'a2', coveredBy: [] }, draft)).toBeNull();
    // The stored version of the draft no longer counts: the draft unchecked it.
    expect(replacedBy({ id: 'a2', coveredBy: [{ kind: 'block', id: 'b1' }] }, draft)).toBeNull();
    expect(replacedBy({ id: 'a2', coveredBy: [{ kind: 'table', id: 't1' }] }, draft)).toBe('t1');
    expect(replacedBy({ id: 'a1', coveredBy: [] }, { ...draft, role: 'introduces' })).toBeNull();
  });
});
