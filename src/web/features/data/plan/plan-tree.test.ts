import { describe, expect, it } from 'vitest';
import { makeActivity } from '../../../../../test/factories.js';
import { planFileSchema } from '../../../../core/schemas/plan.schema.js';
import type { Activity } from '../../../../core/schemas/period.schema.js';
import mxPlan from '../../../../../data/seed/mx-plan.json';
import { buildPlanTree } from './plan-tree.js';

const plan = planFileSchema.parse(mxPlan);

/** A record as the factory makes it, with this test's institution, no course of action and its own title. */
const act = (p: Partial<Activity> & { id: string }): Activity =>
  makeActivity({ institution: 'SEMAR', coursesOfAction: [], title: { es: p.id, en: p.id }, ...p });

describe('plan tree', () => {
  it('has Mexico’s 4 pillars, 10 goals, every course of action and indicator in order', () => {
    const tree = buildPlanTree(plan, []);
    expect(tree.map((p) => p.pillar.code)).toHaveLength(4);
    expect(tree.flatMap((p) => p.goals)).toHaveLength(plan.goals.length);
    const courses = tree.flatMap((p) => p.goals.flatMap((g) => g.courses));
    expect(courses.map((c) => c.course.code)).toEqual(plan.coursesOfAction.map((c) => c.code));
    expect(courses.flatMap((c) => c.indicators)).toHaveLength(plan.indicators.length);
    expect(courses.every((c) => c.totals.records === 0)).toBe(true);
  });

  it('counts records under their courses, sub-activities under their parent’s, each once per goal', () => {
    const acts = [
      act({ id: 'p', coursesOfAction: ['4.1', '4.2'] }),
      act({ id: 'p.a', parent: 'p', women: 10, men: 10 }),
      act({ id: 'q', coursesOfAction: ['4.2'], women: 32 }),
    ];
    const tree = buildPlanTree(plan, acts);
    const course = (code: string) =>
      tree.flatMap((p) => p.goals.flatMap((g) => g.courses)).find((c) => c.course.code === code)!;
    expect(course('4.2').totals).toMatchObject({ records: 3, women: 42, total: 52 });
    expect(course('4.2').activities.map((a) => a.id)).toEqual(['p', 'q']);
    expect(course('4.1').totals).toMatchObject({ records: 2, women: 10 });
    const goal4 = tree.flatMap((p) => p.goals).find((g) => g.goal.code === '4')!;
    expect(goal4.totals).toMatchObject({ records: 3, women: 42 });
  });
});
