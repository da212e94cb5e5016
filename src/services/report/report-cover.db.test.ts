/** The cover: the report's own title (its number among the plan's reports), the government's line, the institutions. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/test-db.js';
import { renderHtml } from '../../formats/html/render-html.js';
import { initDatabase } from '../data/init.service.js';
import { importFiles } from '../data/import.service.js';
import { prepareDatabase } from '../data/reference-data.service.js';
import { buildReportDocument } from './report.service.js';

const cl = (name: string) => ({
  name,
  bytes: readFileSync(new URL(`../../../test/fixtures/cl/${name}`, import.meta.url)),
});

describe.each(testEngines())('the cover of the compiled report on %s', (engine) => {
  let mx: TestDatabase;
  let other: TestDatabase;
  beforeAll(async () => {
    mx = await createTestDatabase(engine);
    await initDatabase(mx);
    other = await createTestDatabase(engine);
    await prepareDatabase(other);
    await importFiles(other, ['cl-plan.json', 'cl-2023.json'].map(cl));
  }, 60_000);
  afterAll(async () => {
    await mx.dispose();
    await other.dispose();
  });

  it("Mexico's 2022 period is its plan's 2nd report, presented by the Government of Mexico", async () => {
    const es = await buildReportDocument(mx, { period: 2022, lang: 'es' });
    const en = await buildReportDocument(mx, { period: 2022, lang: 'en' });
    expect(es.title).toBe('2º Informe de Actividades 2022');
    expect(en.title).toBe('2nd Report of Activities 2022');
    expect(es.government).toBe('Gobierno de México');
    expect(en.government).toBe('Government of Mexico');
    expect(es.institutions.map((i) => i.acronym)).toEqual(['SRE', 'SEDENA', 'SEMAR', 'SSPC', 'INMUJERES']);
    const html = renderHtml(en, { maps: {} });
    const cover = html.slice(html.indexOf('<header class="cover">'), html.indexOf('</header>'));
    expect(cover).toContain('<p class="cover-government">Government of Mexico</p>');
    expect(cover).toContain('<h1 class="cover-title">2nd Report of Activities 2022</h1>');
    expect(cover).toContain('Secretariat of the Navy');
  });

  it("another country's plan gets its own government and number (Chile's plan starts in 2023: 1st report)", async () => {
    const es = await buildReportDocument(other, { period: 2023, lang: 'es' });
    const en = await buildReportDocument(other, { period: 2023, lang: 'en' });
    expect(es.government).toBe('Gobierno de Chile');
    expect(en.government).toBe('Government of Chile');
    expect(es.title).toBe('1º Informe de Actividades 2023');
    expect(en.title).toBe('1st Report of Activities 2023');
    expect(en.planTitle).toMatch(/^Third National Action Plan/);
    expect(renderHtml(es, { maps: {} })).not.toMatch(/México/);
  });
});
