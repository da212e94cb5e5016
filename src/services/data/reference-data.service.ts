import { bumpPublicVersion } from '../../db/repositories/public.repository.js';
import { readFileSync } from 'node:fs';
import { listCountries, type Row as PlaceRow } from '../../core/model/place-rows.js';
import { migrateToLatest, type Database } from '../../db/create-db.js';
import { upsertRows } from '../../db/repositories/keyed-rows.js';
import { parseInegiCatalogue } from '../../formats/csv/municipalities-csv.js';
import { referenceFile } from '../../config/paths.js';
import { prepareAudit } from '../audit/audit-key.service.js';

const INEGI_CATALOGUE = referenceFile('mx-municipalities.csv');

/** Every built-in place: ISO countries, then Mexico's 32 federal entities and 2,478 municipalities. */
export function builtinPlaces(): PlaceRow[] {
  return [...listCountries(), ...parseInegiCatalogue(readFileSync(INEGI_CATALOGUE, 'utf8'))];
}

/**
 * Brings a database to the current schema and loads the built-in place catalogue. Run on every
 * start; applies only what is missing. Returns the migrations applied and places added.
 */
export async function prepareDatabase(database: Database): Promise<{ migrations: string[]; placesAdded: number }> {
  const migrations = await migrateToLatest(database.db);
  await prepareAudit(database);
  const count = await database.db
    .selectFrom('place')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('builtin', '=', 1)
    .executeTakeFirstOrThrow();
  let placesAdded = 0;
  if (Number(count.n) === 0) {
    const rows = builtinPlaces().map((p) => ({
      code: p.code,
      kind: p.kind,
      parent_code: p.parent,
      name_es: p.nameEs,
      name_en: p.nameEn,
      population_total: p.populationTotal,
      population_women: p.populationWomen,
      population_men: p.populationMen,
      builtin: 1,
    }));
    await database.db.transaction().execute(async (trx) => {
      const written = await upsertRows(trx, 'place', ['code'], rows);
      placesAdded = written.created;
      if (written.created + written.updated > 0) await bumpPublicVersion(trx);
    });
  }
  return { migrations, placesAdded };
}
