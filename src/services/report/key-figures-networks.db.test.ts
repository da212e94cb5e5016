/**
 * Key figures count networks, not records: "Networks created 630" is the number of networks the records
 * hold (442 FASP, stored per federal entity, + 188 FOBAM), not the 28 records that hold them; the
 * networks' members are a separate row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/test-db.js';
import type { Block, Figure, ReportDocument } from '../../core/report/document.js';
import { initDatabase } from '../data/init.service.js';
import { buildReportDocument } from './report.service.js';

describe.each(testEngines())('the key figures of networks on %s', (engine) => {
  let t: TestDatabase;
  let doc: ReportDocument;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await initDatabase(t);
    doc = await buildReportDocument(t, { period: 2022, lang: 'en' });
  }, 60_000);
  afterAll(async () => {
    await t.dispose();
  });

  const row = (label: string): { figure: Figure; formula: string; recordCount: number } => {
    const table = doc.body.find(
      (b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.id === 'kf-summary',
    )!;
    const cells = table.rows.find((r) => r[0]?.kind === 'text' && r[0].text === label)!;
    const cell = cells[1]!;
    if (cell.kind !== 'figure') throw new Error(label);
    const note = doc.notes.find((n) => n.n === cell.figure.note)!;
    return { figure: cell.figure, formula: note.formula, recordCount: note.recordCount };
  };

  it('networks created and strengthened are numbers of networks; women members are counted apart', () => {
    const created = row('Networks created');
    expect(created.figure.value).toBe(630);
    expect(created.formula).toBe(
      'sum(quantity where period = 2022 and kind = "network" and unit = "networks" and attr.networkAction = "created")',
    );
    expect(doc.notes.find((n) => n.n === created.figure.note)!.description).toBe('Networks (2022; created)');
    // 27 per-entity FASP rows and FOBAM's record hold the 630 networks: the number of records is not the figure.
    expect(created.recordCount).toBe(28);
    expect(row('Networks strengthened').figure.value).toBe(214);
    const members = row('Women members of networks');
    expect(members.figure.value).toBe(18_432);
    expect(members.formula).toBe('sum(women where period = 2022 and kind = "network")');
  });
});
