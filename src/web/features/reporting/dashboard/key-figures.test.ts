import { describe, expect, it } from 'vitest';
import { makeActivity } from '../../../../../test/factories.js';
import { keyFigures } from './key-figures.js';

describe("the coordinator's key figures", () => {
  it('counts people trained by sex, deployments against the UN target and networks', () => {
    const f = keyFigures(
      [
        makeActivity({ id: 't1', kind: 'training', women: 30, men: 40 }),
        makeActivity({ id: 't2', kind: 'training', women: 2, notRecorded: 5 }),
        makeActivity({ id: 'e1', kind: 'event', women: 100 }),
        makeActivity({
          id: 'd1',
          kind: 'deployment',
          women: 3,
          men: 17,
          attributes: { ugpsCategory: 'military-contingent' },
        }),
        makeActivity({
          id: 'd2',
          kind: 'deployment',
          women: 5,
          men: 5,
          attributes: { ugpsCategory: 'military-contingent' },
        }),
        makeActivity({ id: 'n1', kind: 'network', quantity: 12, women: 300, attributes: { networkAction: 'created' } }),
        makeActivity({ id: 'n2', kind: 'network', attributes: { networkAction: 'strengthened' } }),
      ],
      2022,
    );
    expect(f.records).toBe(7);
    expect(f.trained).toEqual({ women: 32, men: 40, notRecorded: 5 });
    expect(f.deployments).toHaveLength(1);
    expect(f.deployments[0]).toMatchObject({ category: 'military-contingent', women: 8, total: 30 });
    expect(f.deployments[0]!.share).toBeCloseTo(26.67, 2);
    expect(f.deployments[0]!.target).toBeGreaterThan(0);
    expect(f.networks).toEqual({ created: 12, strengthened: 1, women: 300 });
  });
});
