/** Key figures of a period for the coordinator's dashboard, from the records as they are now. Pure. */
import { UGPS_COMPARED, ugpsTarget } from '../../../../core/model/ugps-targets.js';
import type { UgpsCategory } from '../../../../core/model/kinds.js';
import type { Activity } from '../../../../core/schemas/period.schema.js';

export interface KeyFigures {
  records: number;
  trained: { women: number; men: number; notRecorded: number };
  deployments: { category: UgpsCategory; women: number; total: number; share: number | null; target: number | null }[];
  networks: { created: number; strengthened: number; women: number };
}

const share = (women: number, total: number) => (total === 0 ? null : (100 * women) / total);

/**
 * People trained by sex; women's share of deployed personnel per UN gender-parity category against the
 * UN target of the year; networks created and strengthened (their number, else one per record) and
 * their women members. A count is stored at one level only, so summing every record counts each person once.
 */
export function keyFigures(records: readonly Activity[], year: number): KeyFigures {
  const out: KeyFigures = {
    records: records.length,
    trained: { women: 0, men: 0, notRecorded: 0 },
    deployments: [],
    networks: { created: 0, strengthened: 0, women: 0 },
  };
  const byCategory = new Map<UgpsCategory, { women: number; total: number }>();
  for (const a of records) {
    if (a.kind === 'training') {
      out.trained.women += a.women ?? 0;
      out.trained.men += a.men ?? 0;
      out.trained.notRecorded += a.notRecorded ?? 0;
    }
    if (a.kind === 'deployment' && a.attributes.ugpsCategory) {
      const c = byCategory.get(a.attributes.ugpsCategory) ?? { women: 0, total: 0 };
      c.women += a.women ?? 0;
      c.total += (a.women ?? 0) + (a.men ?? 0) + (a.notRecorded ?? 0);
      byCategory.set(a.attributes.ugpsCategory, c);
    }
    if (a.kind === 'network' && a.attributes.networkAction) {
      out.networks[a.attributes.networkAction] += a.quantity ?? 1;
      out.networks.women += a.women ?? 0;
    }
  }
  for (const category of UGPS_COMPARED) {
    const c = byCategory.get(category);
    if (!c) continue;
    out.deployments.push({
      category,
      ...c,
      share: share(c.women, c.total),
      target: ugpsTarget(category, year)?.value ?? null,
    });
  }
  return out;
}
