import { describe, expect, it } from 'vitest';
import { indicatorStatus } from './indicator-status.js';

const target = (value: number, year: number | null) => ({ comparator: '>=' as const, value, year });

describe('the honest status of an indicator', () => {
  it('is "no target" when the plan sets none, never "on track"', () => {
    expect(indicatorStatus(12, { target: null, baseline: null }, 2023)).toEqual({ status: 'no-target', needed: null });
    expect(indicatorStatus(null, { target: null, baseline: null }, 2023).status).toBe('no-data');
  });

  it('is "in progress" before the target year, with the value a linear path needs this year', () => {
    const ind = { target: target(30, 2024), baseline: { value: 10, year: 2020 } };
    expect(indicatorStatus(99, ind, 2022)).toEqual({ status: 'in-progress', needed: 20 });
    expect(indicatorStatus(0, { target: target(30, 2024), baseline: null }, 2022)).toEqual({
      status: 'in-progress',
      needed: null,
    });
  });

  it('is "met" or "not met" only in or after the target year, or for a target without a year', () => {
    const ind = { target: target(30, 2024), baseline: null };
    expect(indicatorStatus(30, ind, 2024).status).toBe('met');
    expect(indicatorStatus(29, ind, 2025).status).toBe('not-met');
    expect(
      indicatorStatus(16, { target: { comparator: '>', value: 15, year: null }, baseline: null }, 2022).status,
    ).toBe('met');
    expect(indicatorStatus(null, ind, 2024).status).toBe('no-data');
  });
});
