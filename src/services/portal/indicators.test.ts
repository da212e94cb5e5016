import { describe, expect, it } from 'vitest';
import { changeAgainst, indicatorStatus } from './indicators.service.js';
import { UGPS_TARGETS, ugpsTarget } from '../../core/model/ugps-targets.js';

const target = (comparator: '>=' | '>' | '<=' | '<' | '=', value: number, year: number | null = null) => ({
  baseline: null,
  target: { comparator, value, year },
});

describe('indicatorStatus', () => {
  it('is "no data" without a value, whatever the target', () => {
    expect(indicatorStatus(target('>', 15), null, 2022, 10)).toBe('no-data');
    expect(indicatorStatus({ baseline: null, target: null }, null, 2022, null)).toBe('no-data');
  });
  it('is "on track" for a value without a target (as in the report annex)', () => {
    expect(indicatorStatus({ baseline: null, target: null }, 3, 2022, null)).toBe('on-track');
  });
  it('is "met" when the comparator holds, strictly for > and <', () => {
    expect(indicatorStatus(target('>', 15), 15.01, 2022, null)).toBe('met');
    expect(indicatorStatus(target('>', 15), 15, 2022, null)).toBe('not-met');
    expect(indicatorStatus(target('>=', 15), 15, 2022, null)).toBe('met');
    expect(indicatorStatus(target('<', 5), 4, 2022, null)).toBe('met');
    expect(indicatorStatus(target('=', 3), 3, 2022, null)).toBe('met');
  });
  it('before the target year: on track when moving towards the target, not met otherwise', () => {
    expect(indicatorStatus(target('>=', 100, 2024), 60, 2023, 40)).toBe('on-track');
    expect(indicatorStatus(target('>=', 100, 2024), 30, 2023, 40)).toBe('not-met');
    expect(indicatorStatus(target('<=', 10, 2024), 20, 2023, 30)).toBe('on-track');
    // No earlier value and no baseline: nothing shows progress.
    expect(indicatorStatus(target('>=', 100, 2024), 60, 2023, null)).toBe('not-met');
    // The baseline serves when there is no earlier period.
    expect(
      indicatorStatus(
        { baseline: { value: 20, year: 2020 }, target: { comparator: '>=', value: 100, year: 2024 } },
        60,
        2022,
        null,
      ),
    ).toBe('on-track');
  });
  it('in or after the target year, a missed target is not met', () => {
    expect(indicatorStatus(target('>=', 100, 2024), 90, 2024, 40)).toBe('not-met');
    expect(indicatorStatus(target('>=', 100, 2024), 90, 2025, 40)).toBe('not-met');
  });
});

describe('changeAgainst', () => {
  it('compares with the latest earlier value and keeps its base', () => {
    const c = changeAgainst(45, [
      { period: 2021, value: 30 },
      { period: 2022, value: 40 },
      { period: 2023, value: null },
    ]);
    expect(c).toEqual({ basePeriod: 2022, base: 40, delta: 5, percent: 12.5 });
  });
  it('has no relative change from 0 and nothing without a value or a base', () => {
    expect(changeAgainst(5, [{ period: 2022, value: 0 }])).toEqual({
      basePeriod: 2022,
      base: 0,
      delta: 5,
      percent: null,
    });
    expect(changeAgainst(null, [{ period: 2022, value: 3 }])).toBeNull();
    expect(changeAgainst(3, [])).toBeNull();
  });
});

describe('UGPS targets (mission-anchors §9.1)', () => {
  it('holds the verified points', () => {
    expect(ugpsTarget('military-contingent', 2021)).toMatchObject({ value: 8, verified: true });
    expect(ugpsTarget('military-contingent', 2028)).toMatchObject({ value: 15, verified: true });
    expect(ugpsTarget('military-observer-staff-officer', 2021)).toMatchObject({ value: 18, verified: true });
    expect(ugpsTarget('military-observer-staff-officer', 2028)).toMatchObject({ value: 25, verified: true });
    expect(ugpsTarget('formed-police-unit', 2022)).toMatchObject({ value: 12, verified: true });
    expect(ugpsTarget('formed-police-unit', 2028)).toMatchObject({ value: 20, verified: true });
    expect(ugpsTarget('individual-police-officer', 2028)).toMatchObject({ value: 30, verified: true });
  });
  it('marks the interpolated military targets as unverified and invents no police targets', () => {
    expect(ugpsTarget('military-contingent', 2022)).toMatchObject({ value: 9, verified: false });
    expect(ugpsTarget('military-observer-staff-officer', 2025)).toMatchObject({ value: 22, verified: false });
    expect(ugpsTarget('formed-police-unit', 2023)).toBeNull();
    expect(ugpsTarget('individual-police-officer', 2022)).toBeNull();
    expect(ugpsTarget('justice-corrections', 2028)).toBeNull();
    expect(UGPS_TARGETS.filter((t) => t.verified)).toHaveLength(7);
  });
});
