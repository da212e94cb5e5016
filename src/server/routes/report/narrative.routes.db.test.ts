import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, OPEN_YEAR, startWorkflowApp, type PersonKey, type Session } from '../../../../test/api-helpers.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../../test/test-db.js';
import { exportPeriod } from '../../../services/data/export.service.js';
import { compileReports } from '../../../services/report/report.service.js';
import type { App } from '../../app.js';
import type { NarrativeOutlineDto, NarrativePreviewDto, StoredBlockDto } from './narrative.schemas.js';

const URL = `/api/reports/${OPEN_YEAR}/narrative`;
const block = (over: Record<string, unknown> = {}) => ({
  section: 'coa:4.2',
  order: 5,
  text: {
    es: 'La SEMAR capacitó a {mujeres} mujeres en su curso naval.',
    en: 'SEMAR trained {mujeres} women in its naval course.',
  },
  figures: { mujeres: 'sum(women where id = "semar-2023-hidden")' },
  ...over,
});
interface Problem {
  field: string | null;
  where: string;
}
const problemsOf = (body: string) => (JSON.parse(body) as { error: { problems: Problem[] } }).error.problems;

describe.each(testEngines())('the narrative editor API (%s)', (engine) => {
  let t: TestDatabase;
  let app: App;
  let sessions: Record<PersonKey, Session>;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    ({ app, sessions } = await startWorkflowApp(t));
  });
  afterAll(async () => {
    await app.close();
    await t.dispose();
  });
  const stored = () =>
    t.db.selectFrom('narrative_block').selectAll().where('id', '=', 'coa-4-2-intro').executeTakeFirst();

  it('lists the outline pillar → goal → course of action with each course’s activities', async () => {
    const r = await call(app, sessions.coordinator, { method: 'GET', url: URL });
    expect(r.statusCode).toBe(200);
    const o = r.json<NarrativeOutlineDto>();
    const keys = o.sections.map((s) => s.section);
    expect(keys[0]).toBe('front');
    expect(keys.at(-1)).toBe('back');
    // Every goal follows its pillar (or a sibling goal's courses), every course of action its goal.
    const levels = o.sections.map((s) => s.level);
    levels.forEach((l, i) => {
      if (l === 'goal') expect(['pillar', 'coa']).toContain(levels[i - 1]);
      if (l === 'coa') expect(['goal', 'coa']).toContain(levels[i - 1]);
    });
    expect(levels.filter((l) => l === 'pillar')).toHaveLength(4);
    expect(keys.indexOf('goal:4')).toBeLessThan(keys.indexOf('coa:4.2'));
    expect(o.sections.find((s) => s.section === 'coa:4.2')!.activities.map((a) => a.id)).toEqual(['semar-2023-hidden']);
    expect(o.blocks).toEqual([]);
  });

  it('previews a block with its figures computed from the records; typed numbers and a missing translation are flagged', async () => {
    const r = await call(app, sessions.coordinator, {
      method: 'POST',
      url: `${URL}/preview`,
      payload: {
        text: { es: 'Se capacitó a {mujeres} mujeres y 30 hombres.', en: '' },
        figures: { mujeres: 'sum(women where id = "semar-2023-hidden")', bad: 'sum(womn)' },
      },
    });
    expect(r.statusCode).toBe(200);
    const p = r.json<NarrativePreviewDto>();
    expect(p.figures.mujeres).toMatchObject({ value: 12, recordCount: 1, recordIds: ['semar-2023-hidden'] });
    expect(p.figures.bad!.error!.en).toMatch(/womn/);
    expect(p.text.es.parts).toContainEqual({ kind: 'figure', name: 'mujeres', text: '12', value: 12 });
    expect(p.text.es.typedNumbers).toEqual(['30']);
    expect(p.text.en).toEqual({ missing: true, parts: [], typedNumbers: [] });
  });

  it('refuses a block naming the field: missing language, unknown figure, expression the figure language rejects', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ text: { es: 'Texto {mujeres}.', en: '  ' } }, 'text.en'],
      [{ text: { es: 'Texto {otra}.', en: 'Text {mujeres}.' } }, 'text.es'],
      [{ figures: { mujeres: 'sum(women where kind = )' } }, 'figures.mujeres'],
      [{ figures: { mujeres: 'sum(women where coa = "9.9")' } }, 'figures.mujeres'],
    ];
    for (const [over, field] of cases) {
      const r = await call(app, sessions.coordinator, {
        method: 'PUT',
        url: `${URL}/coa-4-2-intro`,
        headers: { 'if-match': '"0"' },
        payload: block(over),
      });
      expect(r.statusCode, JSON.stringify(over)).toBe(400);
      expect(problemsOf(r.body).map((p) => p.field)).toContain(field);
    }
    expect(await stored()).toBeUndefined();
  });

  it('creates and replaces a block with versions; a stale version gets 412 and nothing is written; each save is audited', async () => {
    const created = await call(app, sessions.coordinator, {
      method: 'PUT',
      url: `${URL}/coa-4-2-intro`,
      headers: { 'if-match': '"0"' },
      payload: block(),
    });
    expect(created.statusCode).toBe(200);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json<StoredBlockDto>()).toMatchObject({ id: 'coa-4-2-intro', version: 1 });
    const again = await call(app, sessions.coordinator, {
      method: 'PUT',
      url: `${URL}/coa-4-2-intro`,
      headers: { 'if-match': '"0"' },
      payload: block(),
    });
    expect(again.statusCode).toBe(412);
    const updated = await call(app, sessions.coordinator, {
      method: 'PUT',
      url: `${URL}/coa-4-2-intro`,
      payload: block({
        version: 1,
        text: {
          es: 'La SEMAR capacitó a {mujeres} mujeres marinas en su curso naval.',
          en: 'SEMAR trained {mujeres} women sailors in its naval course.',
        },
      }),
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json<StoredBlockDto>().version).toBe(2);
    const stale = await call(app, sessions.coordinator, {
      method: 'PUT',
      url: `${URL}/coa-4-2-intro`,
      headers: { 'if-match': '"1"' },
      payload: block({ text: { es: 'Sobrescrito.', en: 'Overwritten.' } }),
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.body).toMatch(/Nothing was saved|No se guardó nada/);
    const row = await stored();
    expect(row).toMatchObject({ version: 2, period_year: OPEN_YEAR, section: 'coa:4.2' });
    expect(row!.text_es).toMatch(/mujeres marinas/);
    const audit = await t.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity', '=', 'narrative_block')
      .where('entity_id', '=', 'coa-4-2-intro')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['narrative.create', 'narrative.update']);
    expect(audit[1]!.before).toMatch(/en su curso naval/);
    expect(audit[1]!.after).toMatch(/mujeres marinas/);
    expect(audit[1]!.actor_id).not.toBeNull();
  });

  it('only the coordinator writes narrative', async () => {
    for (const who of ['semarEditor', 'semarViewer', 'admin'] as const) {
      const r = await call(app, sessions[who], {
        method: 'PUT',
        url: `${URL}/coa-4-2-intro`,
        headers: { 'if-match': '"2"' },
        payload: block({ text: { es: 'Intruso.', en: 'Intruder.' } }),
      });
      expect(r.statusCode).toBe(403);
    }
    expect((await stored())!.version).toBe(2);
  });

  it('the saved block travels in the period’s JSON export and is printed in the compiled draft with its figure', async () => {
    const exported = JSON.parse(await exportPeriod(t, OPEN_YEAR, 'json')) as {
      narratives: { id: string; text: { es: string }; figures: Record<string, string> }[];
    };
    const b = exported.narratives.find((n) => n.id === 'coa-4-2-intro')!;
    expect(b.text.es).toMatch(/mujeres marinas/);
    expect(b.figures).toEqual({ mujeres: 'sum(women where id = "semar-2023-hidden")' });
    const [html] = await compileReports(t, { period: OPEN_YEAR, langs: ['es'], formats: ['html'], status: 'draft' });
    const text = html!.bytes.toString('utf8').replace(/<[^>]+>/g, '');
    expect(text).toMatch(/La SEMAR capacitó a\s*12\s*mujeres marinas/);
    const en = await call(app, sessions.coordinator, {
      method: 'GET',
      url: `/api/reports/${OPEN_YEAR}/draft?lang=en&format=html`,
    });
    expect(en.statusCode).toBe(200);
    expect(en.body.replace(/<[^>]+>/g, '')).toMatch(/SEMAR trained\s*12\s*women sailors/);
  }, 120_000);
});
