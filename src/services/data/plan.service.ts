import { AppError } from '../../core/errors.js';
import type { PlanFile } from '../../core/schemas/plan.schema.js';
import type { Database } from '../../db/create-db.js';
import { readPlanFile } from '../../db/repositories/plan.repository.js';

export async function readPlan(database: Database): Promise<PlanFile> {
  const plan = await readPlanFile(database.db);
  if (!plan)
    throw new AppError('not_found', 'no plan', {
      es: 'la base de datos no tiene plan',
      en: 'the database has no plan',
    });
  return plan;
}
