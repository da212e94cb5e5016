import { describe, expect, it } from 'vitest';
import type { SubmissionEvent } from './submission-api.js';
import { answered, availableActions, commentsOn, latestReturn, missingCourses } from './submission-model.js';

const ev = (
  id: string,
  at: string,
  action: string,
  comment: string | null = null,
  activityId: string | null = null,
): SubmissionEvent => ({
  id,
  at,
  action,
  comment,
  activityId,
  actor: null,
});

describe('submission model', () => {
  it('offers each role only the transitions the core allows in the state', () => {
    expect(availableActions('editor', 'draft')).toEqual(['submit']);
    expect(availableActions('editor', 'returned')).toEqual(['submit']);
    expect(availableActions('editor', 'submitted')).toEqual([]);
    expect(availableActions('coordinator', 'submitted')).toEqual(['return', 'approve']);
    expect(availableActions('coordinator', 'approved')).toEqual(['reopen']);
    expect(availableActions('admin', 'draft')).toEqual([]);
    expect(availableActions('viewer', 'submitted')).toEqual([]);
  });

  it('finds the latest return with its record comments, and whether it was answered', () => {
    const events = [
      ev('1', '2023-01-01T00:00:00Z', 'submit'),
      ev('2', '2023-01-02T00:00:00Z', 'return', 'old'),
      ev('3', '2023-01-03T00:00:00Z', 'submit'),
      ev('4', '2023-01-04T00:00:00Z', 'return', 'Add the places'),
      ev('5', '2023-01-04T00:00:00Z', 'comment', 'Women count?', 'semar-a'),
      ev('6', '2023-01-02T00:00:00Z', 'comment', 'older', 'semar-a'),
    ];
    const r = latestReturn(events);
    expect(r?.event.comment).toBe('Add the places');
    expect(r?.recordComments.map((e) => e.comment)).toEqual(['Women count?']);
    expect(commentsOn(events, 'semar-a').map((e) => e.id)).toEqual(['5', '6']);
    expect(answered(events)).toBe(false);
    expect(answered([...events, ev('7', '2023-01-05T00:00:00Z', 'submit')])).toBe(true);
    expect(latestReturn([ev('1', 'x', 'submit')])).toBeNull();
  });

  it('lists courses a ministry answers for but has no data in', () => {
    expect(
      missingCourses({
        coursesOfAction: [
          { code: '1.1', responsible: true, records: 0 },
          { code: '4.2', responsible: true, records: 3 },
          { code: '5.1', responsible: false, records: 0 },
        ],
      }),
    ).toEqual(['1.1']);
  });
});
