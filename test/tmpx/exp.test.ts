import { test } from 'vitest';
import { createTestDatabase } from '../test-db.js';
import { initDatabase } from '../../src/services/init.service.js';
import { checkData } from '../../src/services/check.service.js';
test('x', async () => {
  for (const engine of ['sqlite', 'postgres'] as const) {
    const db = await createTestDatabase(engine);
    let t = Date.now();
    await initDatabase(db);
    console.log(engine, 'init', Date.now() - t);
    t = Date.now();
    const r = await checkData(db, { period: 2022 });
    console.log('check', Date.now() - t, r.summary, r.findings.length);
    const n = await db.db
      .selectFrom('activity')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    console.log(n);
    await db.dispose();
  }
});
