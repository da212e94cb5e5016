import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test/test-db.js';
import { runCli } from './main.js';

interface Run {
  code: number;
  out: string[];
  err: string[];
}

/** Runs the CLI in-process with an io that collects every line. */
async function cli(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), write: (t) => out.push(t) });
  return { code, out, err };
}

/** The whole standard output as JSON (fails when anything but JSON was printed). */
function json<T = unknown>(r: Run): T {
  return JSON.parse(r.out.join('\n')) as T;
}

/** Help text with commander's line wrapping undone. */
function flat(lines: string[]): string {
  return lines.join('\n').replace(/\s+/g, ' ');
}

interface Status {
  engine: string;
  plan: { id: string } | null;
  counts: { pillars: number; goals: number; coursesOfAction: number; indicators: number; places: number };
  periods: { year: number; activities: number; claims: number; narratives: number }[];
}
interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}
interface InitResult {
  migrations: string[];
  placesAdded: number;
  seed: { files: { name: string; kind: string }[]; total: Counts } | null;
}
interface Problem {
  file: string;
  where: string;
  field: string | null;
  message: { es: string; en: string };
}
interface FindingJson {
  rule: string;
  severity: string;
  ref: string | null;
  stated: number | null;
  computed: number | null;
  message: { es: string; en: string };
}
interface CheckJson {
  periods: number[];
  findings: FindingJson[];
  summary: { error: number; warning: number; info: number };
}
interface ActivityJson {
  id: string;
  women: number | null;
}

const STATUS_ES = 'muestra lo que contiene la base de datos';
const STATUS_EN = 'show what the database holds';
const EXPORT_ES = 'exporta un periodo (JSON completo o CSV de actividades) o el plan';
const EXPORT_EN = 'export a period (full JSON or activity CSV) or the plan';

describe('nap1325 CLI without a database', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('prints help in Spanish by default', async () => {
    vi.stubEnv('NAP1325_LANG', undefined);
    vi.stubEnv('LC_ALL', undefined);
    vi.stubEnv('LANG', undefined);
    const r = await cli('--help');
    // Commander's own words are Spanish too.
    expect(r.out.join('\n')).toMatch(/^Uso: nap1325/m);
    expect(r.out.join('\n')).toMatch(/^Comandos:/m);
    expect(r.out.join('\n')).not.toMatch(/display help for command/);
    expect(r.code).toBe(0);
    const text = flat(r.out);
    expect(text).toContain(STATUS_ES);
    expect(text).toContain(EXPORT_ES);
    expect(text).toContain('salida en JSON');
    expect(text).not.toContain(STATUS_EN);
  });

  it('prints help in English with --lang en (and --lang=en), also for a command', async () => {
    vi.stubEnv('NAP1325_LANG', 'es');
    for (const argv of [
      ['--lang', 'en', '--help'],
      ['--lang=en', '--help'],
    ]) {
      const r = await cli(...argv);
      expect(r.code).toBe(0);
      const text = flat(r.out);
      expect(text).toContain(STATUS_EN);
      expect(text).toContain(EXPORT_EN);
      expect(text).not.toContain(STATUS_ES);
    }
    const check = await cli('--lang', 'en', 'check', '--help');
    expect(check.code).toBe(0);
    expect(flat(check.out)).toContain('exit code 1 on errors');
    const checkEs = await cli('--lang', 'es', 'check', '--help');
    expect(flat(checkEs.out)).toContain('código 1 si hay errores');
  });

  it('exits 2 on an unknown command, an unknown option or a bad --lang', async () => {
    const unknown = await cli('--lang', 'en', 'frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err.join('\n')).toContain("unknown command 'frobnicate'");
    expect((await cli('status', '--frobnicate')).code).toBe(2);
    expect((await cli('--lang', 'fr', 'status')).code).toBe(2);
  });
});

describe.each(testEngines())('nap1325 CLI on %s', (engine) => {
  let dir: string;
  /** Initialized once with `init`; tests that use it do not change it. */
  let seeded: TestDatabase;
  let firstInit: Run;
  const created: TestDatabase[] = [];

  const status = async (db: TestDatabase): Promise<Status> => {
    const r = await cli('--db', db.url, '--json', 'status');
    expect(r.code).toBe(0);
    return json<Status>(r);
  };

  const emptyDatabase = async (): Promise<TestDatabase> => {
    const t = await createTestDatabase(engine, { migrate: false });
    created.push(t);
    return t;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nap1325-cli-'));
    seeded = await emptyDatabase();
    firstInit = await cli('--db', seeded.url, '--json', 'init');
  });

  afterAll(async () => {
    for (const t of created) await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('init loads Mexico’s plan and the 2022 report; running it again changes nothing', async () => {
    expect(firstInit.code).toBe(0);
    expect(firstInit.err).toEqual([]); // --json: no progress lines
    const first = json<InitResult>(firstInit);
    expect(first.seed?.files[0]).toEqual({ name: 'data/seed/mx-plan.json', kind: 'plan' });
    expect(first.seed?.total.created).toBeGreaterThan(500);
    expect(first.seed?.total.updated).toBe(0);

    const s = await status(seeded);
    expect(s.engine).toBe(engine);
    expect(s.plan?.id).toBe('mx-nap1325');
    expect(s.counts.pillars).toBe(4);
    expect(s.counts.goals).toBe(10);
    expect(s.counts.places).toBeGreaterThan(2000);
    expect(s.periods.map((p) => p.year)).toEqual([2022]);
    expect(s.periods[0]!.activities).toBeGreaterThan(150);
    expect(s.periods[0]!.claims).toBeGreaterThan(300);

    const again = await cli('--db', seeded.url, '--json', 'init');
    expect(again.code).toBe(0);
    const second = json<InitResult>(again);
    expect(second.migrations).toEqual([]);
    expect(second.placesAdded).toBe(0);
    const everything = first.seed!.total.created + first.seed!.total.unchanged;
    expect(second.seed?.total).toEqual({ created: 0, updated: 0, unchanged: everything });

    const text = await cli('--db', seeded.url, '--lang', 'es', 'init');
    expect(text.code).toBe(0);
    expect(text.out).toContain(
      `Importado: 4 archivo(s); 0 registro(s) nuevo(s), 0 actualizado(s), ${everything} sin cambios.`,
    );
    expect(text.err).toContain('Guardando'); // progress on standard error
    expect(await status(seeded)).toEqual(s);
  });

  it('refuses a bad import with exit 3, naming file and JSON path, and writes nothing', async () => {
    const activity = {
      id: 'cli-test-new-activity',
      kind: 'training',
      institution: 'INMUJERES',
      coursesOfAction: ['1.1'],
      title: { es: 'Curso de prueba', en: 'Test course' },
      women: 3,
    };
    const good = join(dir, 'good.json');
    writeFileSync(
      good,
      JSON.stringify({
        format: 'nap1325/period@1',
        plan: 'mx-nap1325',
        period: { year: 2022 },
        activities: [activity],
      }),
    );
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'nap1325/period@1',
        plan: 'mx-nap1325',
        period: { year: 2022 },
        activities: [{ ...activity, id: 'cli-test-bad-activity', women: -5, colour: 'red' }],
      }),
    );
    // The good file alone is valid (check validates documents without writing).
    const valid = await cli('--db', seeded.url, '--json', 'check', good);
    expect(valid.code).not.toBe(3);

    const before = await status(seeded);
    const es = await cli('--db', seeded.url, '--lang', 'es', 'import', good, bad);
    expect(es.code).toBe(3);
    expect(es.err).toContain('Se encontraron 2 problema(s); no se guardó nada:');
    expect(es.err).toContain(`  ${bad}: $.activities[0].women [women]: no puede ser negativo`);
    expect(es.err.some((l) => l.startsWith(`  ${bad}: $.activities[0]`) && l.includes('"colour"'))).toBe(true);
    expect(es.err.some((l) => l.includes(good) && !l.startsWith('Leyendo'))).toBe(false);

    const en = await cli('--db', seeded.url, '--lang', 'en', 'import', good, bad);
    expect(en.code).toBe(3);
    expect(en.err).toContain('Found 2 problem(s); nothing was saved:');
    expect(en.err).toContain(`  ${bad}: $.activities[0].women [women]: must not be negative`);

    const js = await cli('--db', seeded.url, '--json', 'import', good, bad);
    expect(js.code).toBe(3);
    expect(js.err).toEqual([]);
    const body = json<{ error: { code: string; problems: Problem[] } }>(js);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.problems).toHaveLength(2);
    expect(body.error.problems).toContainEqual({
      file: bad,
      where: '$.activities[0].women',
      field: 'women',
      message: { es: 'no puede ser negativo', en: 'must not be negative' },
    });
    expect(body.error.problems.every((p) => p.file === bad && p.where.startsWith('$.activities[0]'))).toBe(true);

    expect(await status(seeded)).toEqual(before);
  });

  it('a directory or a device as the file: exit 3 naming the path, at once (never EISDIR, never reading /dev/zero)', async () => {
    for (const command of ['import', 'check'])
      for (const [path, why] of [
        [dir, 'is a directory, not a file'],
        ['/dev/zero', 'is not a regular file (a device, pipe or socket)'],
      ] as const) {
        const r = await cli('--db', seeded.url, '--lang', 'en', command, path);
        expect([command, r.code, r.err]).toEqual([command, 3, expect.arrayContaining([`  ${path}: file: ${why}`])]);
      }
  });

  it('export → import into a new database → export is byte-identical (JSON and CSV); missing period exits 4', async () => {
    const p1 = join(dir, 'p1.json');
    const c1 = join(dir, 'p1.csv');
    const plan = join(dir, 'plan.json');
    const e1 = await cli('--db', seeded.url, '--json', 'export', '--period', '2022', '--out', p1);
    expect(e1.code).toBe(0);
    expect(json(e1)).toEqual({ out: p1, bytes: statSync(p1).size });
    expect(statSync(p1).size).toBeGreaterThan(100_000);
    expect((await cli('--db', seeded.url, 'export', '--period', '2022', '--format', 'csv', '--out', c1)).code).toBe(0);
    expect((await cli('--db', seeded.url, 'export', '--plan', '--out', plan)).code).toBe(0);
    expect(JSON.parse(readFileSync(plan, 'utf8'))).toMatchObject({ format: 'nap1325/plan@1', id: 'mx-nap1325' });
    expect(readFileSync(c1, 'utf8')).toMatch(/^\uFEFF?period,id,kind,institution,/);

    const target = await emptyDatabase();
    expect((await cli('--db', target.url, 'init', '--empty')).code).toBe(0);
    expect((await status(target)).plan).toBeNull();
    const none = await cli('--db', target.url, '--lang', 'es', 'export', '--period', '2022', '--out', join(dir, 'x'));
    expect(none.code).toBe(4);
    expect(none.err).toEqual(['Error: el periodo 2022 no está en la base de datos (periodos: ninguno)']);

    const imported = await cli('--db', target.url, '--json', 'import', plan, p1);
    expect(imported.code).toBe(0);
    expect(json<{ total: Counts }>(imported).total.created).toBeGreaterThan(500);
    // The CSV holds the same activities: importing it as well changes nothing.
    const csvAgain = await cli('--db', target.url, '--json', 'import', c1);
    expect(csvAgain.code).toBe(0);
    expect(json<{ total: Counts }>(csvAgain).total).toMatchObject({ created: 0, updated: 0 });

    const p2 = join(dir, 'p2.json');
    const c2 = join(dir, 'p2.csv');
    expect((await cli('--db', target.url, 'export', '--period', '2022', '--out', p2)).code).toBe(0);
    expect((await cli('--db', target.url, 'export', '--period', '2022', '--format', 'csv', '--out', c2)).code).toBe(0);
    expect(readFileSync(p2).equals(readFileSync(p1))).toBe(true);
    expect(readFileSync(c2).equals(readFileSync(c1))).toBe(true);
    expect(await status(target)).toMatchObject({ counts: (await status(seeded)).counts });

    const missing = join(dir, 'missing.json');
    const es = await cli('--db', target.url, '--lang', 'es', 'export', '--period', '1999', '--out', missing);
    expect(es.code).toBe(4);
    expect(es.err).toEqual(['Error: el periodo 1999 no está en la base de datos (periodos: 2022)']);
    const en = await cli('--db', target.url, '--lang', 'en', 'export', '--period', '1999', '--out', missing);
    expect(en.code).toBe(4);
    expect(en.err).toEqual(['Error: period 1999 is not in the database (periods: 2022)']);
    expect(existsSync(missing)).toBe(false);
    expect((await cli('--db', target.url, 'export', '--out', missing)).code).toBe(2);
  });

  it('check --period 2022 exits 1 with well-formed findings; an unknown period exits 4', async () => {
    const r = await cli('--db', seeded.url, '--json', 'check', '--period', '2022');
    expect(r.code).toBe(1);
    const report = json<CheckJson>(r);
    expect(report.periods).toEqual([2022]);
    expect(report.summary.error).toBeGreaterThan(0);
    expect(report.findings.length).toBe(report.summary.error + report.summary.warning + report.summary.info);
    expect(report.findings.filter((f) => f.severity === 'error')).toHaveLength(report.summary.error);
    for (const f of report.findings) {
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.rule).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(f.message.es.length).toBeGreaterThan(0);
      expect(f.message.en.length).toBeGreaterThan(0);
    }

    const text = await cli('--db', seeded.url, '--lang', 'en', 'check', '--period', '2022');
    expect(text.code).toBe(1);
    const s = report.summary;
    expect(text.out.at(-1)).toBe(`Period(s) 2022: ${s.error} error(s), ${s.warning} warning(s), ${s.info} note(s).`);

    const missing = await cli('--db', seeded.url, '--lang', 'en', 'check', '--period', '1999');
    expect(missing.code).toBe(4);
    expect(missing.err).toEqual(['Error: period 1999 is not in the database']);
    expect((await cli('--db', seeded.url, 'check', '--period', '22')).code).toBe(2);
  });

  it('check FILE verifies a document of claims without importing it', async () => {
    const exported = join(dir, 'for-claims.json');
    expect((await cli('--db', seeded.url, 'export', '--period', '2022', '--out', exported)).code).toBe(0);
    const withWomen = (JSON.parse(readFileSync(exported, 'utf8')) as { activities: ActivityJson[] }).activities.filter(
      (a) => a.women !== null && a.women > 0,
    );
    const [right, wrong] = [withWomen[0]!, withWomen[1]!];
    const claim = (id: string, a: ActivityJson, stated: number) => ({
      id,
      section: 'coa:1.1',
      stated,
      expr: `sum(women where id = "${a.id}")`,
      quote: `${stated} mujeres`,
      location: 'text',
      ref: a.id,
      cell: null,
    });
    const doc = join(dir, 'claims.json');
    writeFileSync(
      doc,
      JSON.stringify({
        format: 'nap1325/period@1',
        plan: 'mx-nap1325',
        period: { year: 2022 },
        claims: [claim('cli-claim-right', right, right.women!), claim('cli-claim-wrong', wrong, wrong.women! + 7)],
      }),
    );

    const before = await status(seeded);
    const r = await cli('--db', seeded.url, '--json', 'check', doc);
    expect(r.code).toBe(1);
    const report = json<CheckJson>(r);
    expect(report.periods).toEqual([2022]);
    const claimFindings = report.findings.filter((f) => f.rule.startsWith('claim-') || f.rule === 'stated-differently');
    expect(claimFindings).toHaveLength(1);
    expect(claimFindings[0]).toMatchObject({
      rule: 'claim-mismatch',
      severity: 'error',
      ref: wrong.id,
      stated: wrong.women! + 7,
      computed: wrong.women,
    });
    expect(report.summary.error).toBe(1);
    expect(report.findings.some((f) => f.ref === right.id)).toBe(false);

    const text = await cli('--db', seeded.url, '--lang', 'en', 'check', doc);
    expect(text.code).toBe(1);
    expect(text.out.filter((l) => l.startsWith('ERROR'))).toEqual([expect.stringMatching(/^ERROR +claim-mismatch /)]);

    expect(await status(seeded)).toEqual(before);
    const after = join(dir, 'after-claims.json');
    expect((await cli('--db', seeded.url, 'export', '--period', '2022', '--out', after)).code).toBe(0);
    expect(readFileSync(after).equals(readFileSync(exported))).toBe(true);
  });
});

describe('init reports what it did', () => {
  it('reports the migrations applied and places loaded on a fresh database, and counts the period once', async () => {
    const t = await createTestDatabase('sqlite', { migrate: false });
    try {
      const r = await cli('--db', t.url, '--json', 'init');
      expect(r.code).toBe(0);
      const body = json<{
        migrations: string[];
        placesAdded: number;
        seed: { total: { created: number; updated: number; unchanged: number } };
      }>(r);
      expect(body.migrations).toEqual(
        expect.arrayContaining(['0001-initial', '0002-workflow', '0003-hardening', '0007-narrative', '0008-checker']),
      );
      expect(body.placesAdded).toBeGreaterThan(2_700);
      expect(body.seed.total.unchanged).toBe(0);
      expect(body.seed.total.updated).toBe(0);
    } finally {
      await t.dispose();
    }
  });
});
