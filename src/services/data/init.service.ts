import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../db/create-db.js';
import { importFiles, type ImportSummary, type InputFile, type Progress } from './import.service.js';
import { prepareDatabase } from './reference-data.service.js';
import { approveAndPublish } from '../reporting/workflow-seed.js';
import { SEED_DIR } from '../../config/paths.js';

export { SEED_DIR };

/** The embedded dataset: Mexico's plan and the 2022 Report of Activities, in import order. */
export function seedFiles(): InputFile[] {
  const names = ['mx-plan.json'];
  for (const dir of readdirSync(SEED_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort())
    for (const f of readdirSync(join(SEED_DIR, dir))
      .filter((n) => n.endsWith('.json'))
      .sort())
      names.push(join(dir, f));
  return names.map((n) => ({ name: `data/seed/${n}`, bytes: readFileSync(join(SEED_DIR, n)) }));
}

/** Migrates, loads the place catalogue and (unless `empty`) Mexico's plan with the 2022 report. Idempotent. */
export async function initDatabase(
  database: Database,
  options: { empty?: boolean; progress?: Progress } = {},
): Promise<{ migrations: string[]; placesAdded: number; seed: ImportSummary | null }> {
  const prepared = await prepareDatabase(database);
  const seed = options.empty ? null : await importFiles(database, seedFiles(), options.progress);
  // The embedded report was published in 2023: its data is approved and public.
  if (seed) for (const p of seed.periods) await approveAndPublish(database, p.year);
  return { ...prepared, seed };
}
