import { AppError } from '../../core/errors.js';
import type { Actor } from '../../core/model/access.js';
import type { Database } from '../../db/create-db.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { fieldError, requireCoordination } from '../accounts/access.service.js';

export interface PeriodRow {
  year: number;
  opens: string | null;
  deadline: string | null;
}

/**
 * Opens a reporting period (the coordination): from its opening date the institutions record its
 * activities, until the deadline. A year opens once; the deadline is on or after the opening.
 */
export async function openPeriod(
  database: Database,
  actor: Actor,
  input: PeriodRow,
  now = new Date(),
): Promise<PeriodRow> {
  const person = await requireCoordination(database, actor, {
    action: 'period.open',
    entity: 'period',
    entityId: String(input.year),
  });
  if (input.opens !== null && input.deadline !== null && input.deadline < input.opens)
    throw fieldError(
      'deadline',
      'la fecha límite no puede ser anterior a la apertura',
      'the deadline cannot be before the opening date',
    );
  const plan = await database.db.selectFrom('plan').select('id').executeTakeFirst();
  if (!plan)
    throw new AppError('conflict', 'no plan', {
      es: 'primero cargue el plan (`nap1325 init`)',
      en: 'load the plan first (`nap1325 init`)',
    });
  await database.db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('period').select('year').where('year', '=', input.year).executeTakeFirst();
    if (exists)
      throw new AppError('conflict', `period ${input.year} exists`, {
        es: `el periodo ${input.year} ya existe`,
        en: `period ${input.year} already exists`,
        problems: [
          {
            file: 'body',
            where: '$.year',
            field: 'year',
            message: { es: 'ese periodo ya existe', en: 'that period already exists' },
          },
        ],
      });
    await trx
      .insertInto('period')
      .values({ year: input.year, opens: input.opens, deadline: input.deadline, source_es: null, source_en: null })
      .execute();
    await appendAudit(
      trx,
      {
        actorId: person.userId,
        institution: person.institution,
        action: 'period.open',
        entity: 'period',
        entityId: String(input.year),
        after: input,
      },
      now,
    );
  });
  return input;
}
