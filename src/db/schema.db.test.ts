import { describe, expect, it } from 'vitest';
import { testEngines, type TestDatabase } from '../../test/test-db.js';
import { TABLES, TABLE_NAMES } from './tables/schema.js';
import { migrateToLatest } from './create-db.js';
import { useTestDatabase } from '../../test/prepared-db.js';

const typeFamily = (dataType: string): string => {
  const t = dataType.toLowerCase();
  if (t.includes('int')) return 'integer';
  if (t.includes('double') || t.includes('float') || t === 'real') return 'double';
  if (t.includes('text') || t.includes('char')) return 'text';
  return t;
};

describe.each(testEngines())('migrated schema on %s', (engine) => {
  let t: TestDatabase;
  useTestDatabase(engine, (db) => (t = db));

  it('has exactly the tables and columns of the table types, with the same types and nullability', async () => {
    const tables = (await t.db.introspection.getTables()).filter((x) => !x.name.startsWith('kysely_'));
    expect(tables.map((x) => x.name).sort()).toEqual([...TABLE_NAMES].sort());
    for (const table of tables) {
      const expected = TABLES[table.name as keyof typeof TABLES] as Record<string, { type: string; nullable?: true }>;
      const actual = Object.fromEntries(
        table.columns.map((c) => [c.name, { type: typeFamily(c.dataType), nullable: c.isNullable }]),
      );
      const wanted = Object.fromEntries(
        Object.entries(expected).map(([name, col]) => [name, { type: col.type, nullable: col.nullable === true }]),
      );
      expect({ table: table.name, columns: actual }).toEqual({ table: table.name, columns: wanted });
    }
  });

  it('applies migrations once: a second run applies nothing', async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
  });
});
