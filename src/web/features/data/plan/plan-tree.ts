/** The plan as a tree (pillar → goal → course of action → indicators) with the records under each. Pure. */
import type { Activity } from '../../../../core/schemas/period.schema.js';
import type { CourseOfAction, Goal, Indicator, Pillar, PlanFile } from '../../../../core/schemas/plan.schema.js';
import { effectiveCourses, summarize, type Totals } from '../../reporting/activities/activity-table.js';

export interface CourseNode {
  course: CourseOfAction;
  indicators: Indicator[];
  /** Top-level activities of the course (sub-activities are counted, not listed). */
  activities: Activity[];
  totals: Totals;
}
export interface GoalNode {
  goal: Goal;
  courses: CourseNode[];
  totals: Totals;
}
export interface PillarNode {
  pillar: Pillar;
  goals: GoalNode[];
  totals: Totals;
}

const byNumber = <T extends { number: number; code: string }>(a: T, b: T) =>
  a.number - b.number || a.code.localeCompare(b.code);

/**
 * Builds the tree. A record counts under every course of action it belongs to (its own or, for a
 * sub-activity, its parent's); a goal's and a pillar's totals count each record once.
 */
export function buildPlanTree(plan: PlanFile, activities: readonly Activity[]): PillarNode[] {
  const courses = effectiveCourses(activities);
  const recordsOf = (codes: ReadonlySet<string>) =>
    activities.filter((a) => (courses.get(a.id) ?? []).some((c) => codes.has(c)));
  return [...plan.pillars].sort(byNumber).map((pillar) => {
    const goals = plan.goals
      .filter((g) => g.pillar === pillar.code)
      .sort(byNumber)
      .map((goal) => {
        const cs = plan.coursesOfAction
          .filter((c) => c.goal === goal.code)
          .sort(byNumber)
          .map((course) => {
            const records = recordsOf(new Set([course.code]));
            return {
              course,
              indicators: plan.indicators.filter((i) => i.courseOfAction === course.code).sort(byNumber),
              activities: records.filter((a) => a.parent === null || !records.some((p) => p.id === a.parent)),
              totals: summarize(records),
            };
          });
        return { goal, courses: cs, totals: summarize(recordsOf(new Set(cs.map((c) => c.course.code)))) };
      });
    const codes = new Set(goals.flatMap((g) => g.courses.map((c) => c.course.code)));
    return { pillar, goals, totals: summarize(recordsOf(codes)) };
  });
}
