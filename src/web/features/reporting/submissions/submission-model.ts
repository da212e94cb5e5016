/** What the submission and review pages derive from a submission's state and events. Pure. */
import { TRANSITIONS, type Role, type SubmissionAction, type SubmissionState } from '../../../../core/model/access.js';
import type { SubmissionEvent } from './submission-api.js';

/** The workflow actions a role may take on a submission in a state (from the core transition table). */
export function availableActions(role: Role, state: SubmissionState): SubmissionAction[] {
  return (Object.keys(TRANSITIONS) as SubmissionAction[]).filter(
    (a) => TRANSITIONS[a].roles.includes(role) && TRANSITIONS[a].from.includes(state),
  );
}

/**
 * The coordination's latest return: its comment on the whole submission and the comments on
 * records made with it (same moment). Null when the submission was never returned.
 */
export function latestReturn(
  events: readonly SubmissionEvent[],
): { event: SubmissionEvent; recordComments: SubmissionEvent[] } | null {
  const returns = events.filter((e) => e.action === 'return');
  const last = returns[returns.length - 1];
  if (!last) return null;
  return {
    event: last,
    recordComments: events.filter((e) => e.action === 'comment' && e.at === last.at && e.activityId !== null),
  };
}

/** Comments on one record, oldest first. */
export function commentsOn(events: readonly SubmissionEvent[], activityId: string): SubmissionEvent[] {
  return events.filter((e) => e.activityId === activityId && e.comment !== null);
}

/** Whether the last return has been answered by a new submission. */
export function answered(events: readonly SubmissionEvent[]): boolean {
  let lastReturn = -1;
  let lastSubmit = -1;
  events.forEach((e, i) => {
    if (e.action === 'return') lastReturn = i;
    if (e.action === 'submit') lastSubmit = i;
  });
  return lastSubmit > lastReturn;
}

/** Courses of action a ministry answers for but has no record in (what the coordinator asks about first). */
export function missingCourses(row: {
  coursesOfAction: { code: string; responsible: boolean; records: number }[];
}): string[] {
  return row.coursesOfAction.filter((c) => c.responsible && c.records === 0).map((c) => c.code);
}
