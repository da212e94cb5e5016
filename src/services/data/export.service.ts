import { AppError } from '../../core/errors.js';
import type { Database } from '../../db/create-db.js';
import { readPlanFile } from '../../db/repositories/plan.repository.js';
import { listPeriods, readPeriodFile } from '../../db/repositories/period.repository.js';
import { writeActivitiesCsv } from '../../formats/csv/activities-csv.js';

export type ExportFormat = 'json' | 'csv';

/** A period in the data format: JSON with everything, or CSV with its activity rows. Deterministic. */
export async function exportPeriod(database: Database, year: number, format: ExportFormat): Promise<string> {
  const plan = await database.db.selectFrom('plan').select('id').executeTakeFirst();
  const data = plan ? await readPeriodFile(database.db, plan.id, year) : null;
  if (!data) {
    const known = await listPeriods(database.db);
    throw new AppError('not_found', `period ${year} is not in the database`, {
      es: `el periodo ${year} no está en la base de datos (periodos: ${known.join(', ') || 'ninguno'})`,
      en: `period ${year} is not in the database (periods: ${known.join(', ') || 'none'})`,
    });
  }
  return format === 'csv' ? writeActivitiesCsv(year, data.activities) : `${JSON.stringify(data, null, 2)}\n`;
}

/** The plan in the data format. */
export async function exportPlan(database: Database): Promise<string> {
  const plan = await readPlanFile(database.db);
  if (!plan)
    throw new AppError('not_found', 'the database has no plan', {
      es: 'la base de datos no tiene plan',
      en: 'the database has no plan',
    });
  return `${JSON.stringify(plan, null, 2)}\n`;
}
