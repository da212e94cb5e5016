import { describe, expect, it } from 'vitest';
import { planFileSchema } from '../../../../core/schemas/plan.schema.js';
import mxPlan from '../../../../../data/seed/mx-plan.json';
import { courseOptions, institutionOptions, institutionShort, institutionTree, parentsOf } from './plan-lookup.js';

const plan = planFileSchema.parse(mxPlan);

describe('plan lookups', () => {
  it('names units with their ministry', () => {
    expect(institutionShort(plan, 'SSPC-GN')).toBe('GN (SSPC)');
    expect(institutionShort(plan, 'SEMAR')).toBe('SEMAR');
    expect(institutionShort(plan, 'NOPE')).toBe('NOPE');
    expect(parentsOf(plan).get('SSPC-CENAPRED')).toBe('SSPC-CNPC');
  });

  it('lists an institution with its units, depth first', () => {
    expect(institutionTree(plan, 'SSPC').map((x) => `${x.depth}:${x.code}`)).toEqual([
      '0:SSPC',
      '1:SSPC-GN',
      '1:SSPC-SPF',
      '1:SSPC-SESNSP',
      '1:SSPC-PRS',
      '1:SSPC-CNPC',
      '2:SSPC-CENAPRED',
    ]);
    expect(institutionTree(plan, 'SEMAR')).toEqual([{ code: 'SEMAR', depth: 0 }]);
    expect(institutionTree(plan, null)).toHaveLength(plan.institutions.length);
    expect(institutionOptions(plan, 'SEMAR', 'en')[0]?.label).toBe('SEMAR — Secretariat of the Navy');
  });

  it('shortens long course texts for pickers', () => {
    const opts = courseOptions(plan, 'es', 30);
    expect(opts).toHaveLength(plan.coursesOfAction.length);
    expect(opts[0]!.label.length).toBeLessThanOrEqual(30 + '1.1 — '.length);
  });
});
