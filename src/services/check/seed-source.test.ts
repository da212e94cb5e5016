/** The 2022 dataset's links and source defects against the source document they describe. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_DIR } from '../../config/paths.js';
import { periodFileSchema } from '../../core/schemas/period.schema.js';
import { seedFiles } from '../data/init.service.js';

const SOURCE = readFileSync(join(SEED_DIR, 'source', 'nap1325-second-report-2022.en.txt'), 'utf8')
  .split('\n')
  .map((l) => l.replace(/\*\*/g, '').replace(/\t/g, ' | ').trim());
const periods = seedFiles()
  .slice(1)
  .map((f) => periodFileSchema.parse(JSON.parse(f.bytes.toString())));

describe('the 2022 source defects and links', () => {
  const defects = periods.flatMap((p) => p.sourceDefects ?? []);

  it('quote the source verbatim, at the line their order names', () => {
    expect(defects.length).toBe(11);
    for (const d of defects) {
      const line = SOURCE[d.order / 10 - 1] ?? '';
      const first = d.quote.split(' | SEMAR')[0]!;
      expect(line, d.id).toContain(first);
      expect(d.repaired.es.length).toBeGreaterThan(20);
      expect(d.repaired.en.length).toBeGreaterThan(20);
    }
  });

  it('link records of the same period that exist', () => {
    const ids = new Set(periods.flatMap((p) => p.activities.map((a) => a.id)));
    const links = periods.flatMap((p) => p.links ?? []);
    expect(links.map((l) => l.id)).toEqual(['link-join-the-protocol', 'link-induction-to-equality']);
    for (const l of links) for (const r of l.records) expect(ids.has(r), r).toBe(true);
  });
});
