/**
 * The narrative editor's generated text, replaced activities, roles and block order (issue 9 §2), on
 * both engines: the preview gives the section's generated text; a block replaces only activities of its
 * period and course of action (a refusal names the id and writes nothing); the compiled draft prints the
 * block instead of the replaced activity's generated sentence; blocks are reordered in one audited step.
 */
import { describe, expect, it } from 'vitest';
import { call, forceState, OPEN_YEAR, workflowAppFixture } from '../../../../test/api-helpers.js';
import { testEngines } from '../../../../test/test-db.js';
import type {
  NarrativeOrderDto,
  NarrativeOutlineDto,
  NarrativePreviewDto,
  StoredBlockDto,
} from './narrative.schemas.js';

const URL = `/api/reports/${OPEN_YEAR}/narrative`;
const replacing = (over: Record<string, unknown> = {}) => ({
  section: 'coa:4.2',
  order: 1,
  role: 'replaces',
  activities: ['semar-2023-hidden'],
  text: { es: 'La Marina formó a {m} mujeres en su curso.', en: 'The Navy trained {m} women in its course.' },
  figures: { m: 'sum(women where id = "semar-2023-hidden")' },
  version: 0,
  ...over,
});
interface Problem {
  field: string | null;
  message: { es: string; en: string };
}
const problemsOf = (body: string) => (JSON.parse(body) as { error: { problems: Problem[] } }).error.problems;
const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe.each(testEngines())('replaced activities, roles and order of narrative blocks (%s)', (engine) => {
  const f = workflowAppFixture(engine);
  const blocks = () =>
    f.database.db.selectFrom('narrative_block').selectAll().where('period_year', '=', OPEN_YEAR).execute();
  const preview = async (section: string) => {
    const r = await call(f.app, f.sessions.coordinator, {
      method: 'POST',
      url: `${URL}/preview`,
      payload: { text: { es: '', en: '' }, figures: {}, section },
    });
    expect(r.statusCode).toBe(200);
    return r.json<NarrativePreviewDto>().section!;
  };

  it('the preview gives the section’s generated text, activity by activity, in both languages', async () => {
    const s = await preview('coa:4.2');
    expect(s.activities.map((a) => a.id)).toEqual(['semar-2023-hidden']);
    const [a] = s.activities;
    expect(a).toMatchObject({ institution: 'SEMAR', home: '4.2', coveredBy: [], table: null, approved: false });
    expect(a!.text.es).toMatch(/^SECRETO-SEMAR curso naval\. .*42 personas \(12 mujeres y 30 hombres\)/);
    expect(a!.text.en).toMatch(/^SECRET-SEMAR naval course\. .*42 people \(12 women and 30 men\)/);
    expect((await preview('goal:4')).activities).toEqual([]);
    // Once SEMAR's submission is approved, the published report prints the activity too.
    await forceState(f.database, 'SEMAR', OPEN_YEAR, 'approved');
    expect((await preview('coa:4.2')).activities[0]!.approved).toBe(true);
    await forceState(f.database, 'SEMAR', OPEN_YEAR, 'draft');
    // Without a section, no generated text is computed.
    const r = await call(f.app, f.sessions.coordinator, {
      method: 'POST',
      url: `${URL}/preview`,
      payload: { text: { es: 'a', en: 'b' }, figures: {} },
    });
    expect(r.json<NarrativePreviewDto>().section).toBeNull();
  });

  it('refuses an activity outside the period or the section, and a role that disagrees with the list, naming them; nothing is written', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ activities: ['sedena-2023-hidden'] }, 'activities.0', /sedena-2023-hidden .*4\.2/],
      [{ activities: ['semar-2023-hidden', 'no-such-activity'] }, 'activities.1', /no-such-activity .*2023/],
      [{ section: 'front', activities: ['semar-2023-hidden'] }, 'activities.0', /semar-2023-hidden/],
      [{ activities: [] }, 'activities', /at least one/],
      [{ role: 'introduces' }, 'activities', /introduces/],
    ];
    for (const [over, field, message] of cases) {
      const r = await call(f.app, f.sessions.coordinator, {
        method: 'PUT',
        url: `${URL}/semar-block`,
        payload: replacing(over),
      });
      expect(r.statusCode, JSON.stringify(over)).toBe(400);
      const p = problemsOf(r.body).find((x) => x.field === field);
      expect(p, JSON.stringify(problemsOf(r.body))).toBeDefined();
      expect(p!.message.en).toMatch(message);
    }
    // An id of another period (the seed's 2022) is not in this period.
    const [old] = await f.database.db
      .selectFrom('activity')
      .select('id')
      .where('period_year', '=', 2022)
      .limit(1)
      .execute();
    const r = await call(f.app, f.sessions.coordinator, {
      method: 'PUT',
      url: `${URL}/semar-block`,
      payload: replacing({ activities: [old!.id] }),
    });
    expect(r.statusCode).toBe(400);
    expect(problemsOf(r.body).find((x) => x.field === 'activities.0')!.message.es).toContain(
      `la actividad ${old!.id} no está en el periodo ${OPEN_YEAR}`,
    );
    expect(await blocks()).toEqual([]);
  });

  it('saves a replacing block; the outline and preview say so; the draft prints the block and not the replaced sentence', async () => {
    const r = await call(f.app, f.sessions.coordinator, {
      method: 'PUT',
      url: `${URL}/semar-block`,
      payload: replacing(),
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<StoredBlockDto>()).toMatchObject({ role: 'replaces', activities: ['semar-2023-hidden'], version: 1 });
    const o = (await call(f.app, f.sessions.coordinator, { method: 'GET', url: URL })).json<NarrativeOutlineDto>();
    expect(o.blocks.map((b) => [b.id, b.role])).toEqual([['semar-block', 'replaces']]);
    const s = await preview('coa:4.2');
    expect(s.activities[0]!.coveredBy).toEqual([{ kind: 'block', id: 'semar-block' }]);
    const generated = s.activities[0]!.text;
    for (const lang of ['es', 'en'] as const) {
      const d = await call(f.app, f.sessions.coordinator, {
        method: 'GET',
        url: `/api/reports/${OPEN_YEAR}/draft?lang=${lang}&format=html`,
      });
      expect(d.statusCode).toBe(200);
      const text = plain(d.body);
      expect(text).toContain(
        lang === 'es' ? 'La Marina formó a 12 mujeres en su curso.' : 'The Navy trained 12 women in its course.',
      );
      expect(text).not.toContain(generated[lang].slice(0, 60));
      // The other course of action's activity keeps its generated text.
      expect(text).toContain((await preview('coa:4.1')).activities[0]!.text[lang].slice(0, 60));
    }
    // Back to an introduction: the activity's generated text returns to the draft.
    const back = await call(f.app, f.sessions.coordinator, {
      method: 'PUT',
      url: `${URL}/semar-block`,
      payload: replacing({ role: 'introduces', activities: [], version: 1 }),
    });
    expect(back.json<StoredBlockDto>()).toMatchObject({ role: 'introduces', version: 2 });
    const d = await call(f.app, f.sessions.coordinator, {
      method: 'GET',
      url: `/api/reports/${OPEN_YEAR}/draft?lang=es&format=html`,
    });
    expect(plain(d.body)).toContain(generated.es.slice(0, 60));
  }, 120_000);

  it('reorders a section’s blocks in one audited step; a stale version gets 412 and a partial list 400; nothing moves', async () => {
    const intro = (id: string, order: number) =>
      call(f.app, f.sessions.coordinator, {
        method: 'PUT',
        url: `${URL}/${id}`,
        payload: replacing({
          role: 'introduces',
          activities: [],
          order,
          text: { es: `Texto ${id}.`, en: `Text ${id}.` },
          figures: {},
        }),
      });
    expect((await intro('second-block', 5)).statusCode).toBe(200);
    const order = (payload: Record<string, unknown>) =>
      call(f.app, f.sessions.coordinator, { method: 'POST', url: `${URL}/order`, payload });
    const stale = await order({
      section: 'coa:4.2',
      blocks: [
        { id: 'second-block', version: 1 },
        { id: 'semar-block', version: 1 },
      ],
    });
    expect(stale.statusCode).toBe(412);
    const partial = await order({ section: 'coa:4.2', blocks: [{ id: 'second-block', version: 1 }] });
    expect(partial.statusCode).toBe(400);
    expect(partial.body).toContain('semar-block');
    expect((await blocks()).map((b) => [b.id, b.sort_order, b.version]).sort()).toEqual([
      ['second-block', 5, 1],
      ['semar-block', 1, 2],
    ]);
    for (const who of ['semarEditor', 'admin'] as const) {
      const r = await call(f.app, f.sessions[who], {
        method: 'POST',
        url: `${URL}/order`,
        payload: {
          section: 'coa:4.2',
          blocks: [
            { id: 'second-block', version: 1 },
            { id: 'semar-block', version: 2 },
          ],
        },
      });
      expect(r.statusCode).toBe(403);
    }
    const moved = await order({
      section: 'coa:4.2',
      blocks: [
        { id: 'second-block', version: 1 },
        { id: 'semar-block', version: 2 },
      ],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<NarrativeOrderDto>().blocks.map((b) => [b.id, b.order, b.version])).toEqual([
      ['second-block', 1, 2],
      ['semar-block', 5, 3],
    ]);
    const o = (await call(f.app, f.sessions.coordinator, { method: 'GET', url: URL })).json<NarrativeOutlineDto>();
    expect(o.blocks.map((b) => b.id)).toEqual(['second-block', 'semar-block']);
    const audit = await f.database.db
      .selectFrom('audit_entry')
      .select(['action', 'entity_id'])
      .where('action', '=', 'narrative.reorder')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.entity_id)).toEqual(['second-block', 'semar-block']);
    const d = await call(f.app, f.sessions.coordinator, {
      method: 'GET',
      url: `/api/reports/${OPEN_YEAR}/draft?lang=en&format=html`,
    });
    const text = plain(d.body);
    expect(text.indexOf('Text second-block.')).toBeGreaterThan(-1);
    expect(text.indexOf('Text second-block.')).toBeLessThan(text.indexOf('The Navy trained 12 women'));
  }, 120_000);
});
