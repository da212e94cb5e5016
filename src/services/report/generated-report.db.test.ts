/**
 * Issue 9 §1: every approved activity reaches the report's body, with its figures, in HTML, PDF and
 * DOCX — records added to 2022 (which has a narrative) and a new period 2023 with no narrative at all.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonFile, makeActivity } from '../../../test/factories.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/test-db.js';
import { readZip } from '../../../test/zip.js';
import type { ReportDocument } from '../../core/report/document.js';
import type { Activity, PeriodFile } from '../../core/schemas/period.schema.js';
import { importFiles } from '../data/import.service.js';
import { initDatabase } from '../data/init.service.js';
import { approveAndPublish } from '../reporting/workflow-seed.js';
import { buildReportDocument, compileReports, type ReportOutput } from './report.service.js';

const HAS_BROWSER = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdftotext');

const both = (text: string) => ({ es: text, en: text });
const act = (a: Partial<Activity> & { id: string }): Activity => makeActivity({ ...a });

/** New records of 2022: a SEMAR training and a course with two editions (a table from its leaves). */
const added2022: Activity[] = [
  act({
    id: 'semar-2022-new-training',
    institution: 'SEMAR',
    coursesOfAction: ['2.1'],
    title: { es: 'Taller Quetzal de liderazgo naval', en: 'Quetzal workshop on naval leadership' },
    dates: [{ start: '2022-07-04', end: '2022-07-29' }],
    places: ['MX-30'],
    attributes: { modality: 'in-person' },
    women: 417,
    men: 283,
  }),
  act({
    id: 'semar-2022-new-course',
    institution: 'SEMAR',
    coursesOfAction: ['2.1'],
    title: { es: 'Curso Colibrí de igualdad', en: 'Colibri course on equality' },
  }),
  act({
    id: 'semar-2022-new-course.e1',
    institution: 'SEMAR',
    parent: 'semar-2022-new-course',
    coursesOfAction: [],
    title: { es: 'Primera edición Colibrí', en: 'First Colibri edition' },
    dates: [{ start: '2022-03-01', end: '2022-03-05' }],
    women: 1234,
    men: 1111,
  }),
  act({
    id: 'semar-2022-new-course.e2',
    institution: 'SEMAR',
    parent: 'semar-2022-new-course',
    coursesOfAction: [],
    title: { es: 'Segunda edición Colibrí', en: 'Second Colibri edition' },
    dates: [{ start: '2022-09-12', end: '2022-09-16' }],
    women: 2345,
    men: 1989,
  }),
];

/** A new period with one record of each main kind and no narrative. */
const records2023: Activity[] = [
  act({
    id: 'sedena-2023-training',
    institution: 'SEDENA',
    coursesOfAction: ['1.1'],
    title: { es: 'Curso Jaguar sobre violencia de género', en: 'Jaguar course on gender-based violence' },
    dates: [{ start: '2023-05-16', end: '2023-06-01' }],
    attributes: { modality: 'online' },
    women: 3917,
    men: 5082,
  }),
  act({
    id: 'sedena-2023-deployment',
    kind: 'deployment',
    institution: 'SEDENA',
    coursesOfAction: ['5.1'],
    title: { es: 'Despliegue Ocelote en operaciones de paz', en: 'Ocelot deployment in peace operations' },
    attributes: { mission: 'MINUSCA', ugpsCategory: 'military-contingent' },
    women: 37,
    men: 163,
  }),
  act({
    id: 'sspc-2023-networks',
    kind: 'network',
    institution: 'SSPC-SESNSP',
    coursesOfAction: ['6.1'],
    title: { es: 'Redes Tlacuache de mujeres constructoras de paz', en: 'Tlacuache networks of women peacebuilders' },
    attributes: { networkAction: 'created', fund: 'FASP' },
  }),
  act({
    id: 'sspc-2023-networks.mx-05',
    kind: 'network',
    institution: 'SSPC-SESNSP',
    parent: 'sspc-2023-networks',
    coursesOfAction: [],
    title: both('Coahuila'),
    attributes: { networkAction: 'created', fund: 'FASP' },
    places: ['MX-05'],
    quantity: 29,
    unit: 'networks',
    women: 611,
  }),
  act({
    id: 'sspc-2023-networks.mx-07',
    kind: 'network',
    institution: 'SSPC-SESNSP',
    parent: 'sspc-2023-networks',
    coursesOfAction: [],
    title: both('Chiapas'),
    attributes: { networkAction: 'created', fund: 'FASP' },
    places: ['MX-07'],
    quantity: 43,
    unit: 'networks',
    women: 877,
  }),
  act({
    id: 'sre-2023-engagement',
    kind: 'engagement',
    institution: 'SRE',
    coursesOfAction: ['9.1'],
    title: {
      es: 'Diálogo Quinqué sobre mujeres, paz y seguridad',
      en: 'Quinque dialogue on women, peace and security',
    },
    dates: [{ start: '2023-10-26', end: '2023-10-26' }],
    attributes: { forum: 'United Nations Security Council (UNSC)', role: 'speaker' },
  }),
  act({
    id: 'sedena-2023-uniforms',
    kind: 'material',
    institution: 'SEDENA',
    coursesOfAction: ['7.1'],
    title: { es: 'Uniformes Tucán de maternidad', en: 'Toucan maternity uniforms' },
    dates: [{ start: '2023-12-16', end: '2023-12-16' }],
    quantity: 6543,
    unit: 'uniforms',
  }),
];

function periodFile(
  year: number,
  activities: Activity[],
  period?: PeriodFile['period'],
  source?: PeriodFile['source'],
): PeriodFile {
  return {
    format: 'nap1325/period@1',
    plan: 'mx-nap1325',
    period: period ?? { year, opens: `${year}-01-01`, deadline: `${year + 1}-03-31` },
    source: source ?? null,
    activities,
    narratives: [],
    tables: [],
    callouts: [],
    claims: [],
    indicatorValues: [],
    outline: [],
  };
}

/** The activity's title and the figures its text must carry, per language. */
const expected: { year: number; title: { es: string; en: string }; figures: { es: string[]; en: string[] } }[] = [
  { year: 2022, title: added2022[0]!.title, figures: { es: ['700', '417', '283'], en: ['700', '417', '283'] } },
  {
    year: 2022,
    title: added2022[1]!.title,
    figures: { es: ['6679', '3579', '3100'], en: ['6,679', '3,579', '3,100'] },
  },
  {
    year: 2023,
    title: records2023[0]!.title,
    figures: { es: ['8999', '3917', '5082'], en: ['8,999', '3,917', '5,082'] },
  },
  {
    year: 2023,
    title: records2023[1]!.title,
    figures: { es: ['200', '37', '163', '18.5'], en: ['200', '37', '163', '18.5'] },
  },
  { year: 2023, title: records2023[2]!.title, figures: { es: ['72', '1488'], en: ['72', '1,488'] } },
  { year: 2023, title: records2023[5]!.title, figures: { es: [], en: [] } },
  { year: 2023, title: records2023[6]!.title, figures: { es: ['6543'], en: ['6,543'] } },
];

const squash = (s: string) => s.replace(/\s+/g, ' ');
const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
/** es-MX groups thousands with "," too; PDF text may break "6,679" differently, so compare digits. */
const digitsOf = (s: string) => s.replace(/(\d),(\d{3})/g, '$1$2');

describe.skipIf(!HAS_BROWSER).each(testEngines())(
  'a report compiled from records with no narrative on %s',
  (engine) => {
    let t: TestDatabase;
    const outputs = new Map<number, ReportOutput[]>();
    const docs = new Map<string, ReportDocument>();
    const dir = mkdtempSync(join(tmpdir(), 'nap1325-gen-'));
    beforeAll(async () => {
      t = await createTestDatabase(engine);
      await initDatabase(t);
      const stored = await t.db.selectFrom('period').selectAll().where('year', '=', 2022).executeTakeFirstOrThrow();
      await importFiles(t, [
        jsonFile('added-2022.json', {
          ...periodFile(
            2022,
            added2022,
            { year: 2022, opens: stored.opens, deadline: stored.deadline },
            stored.source_es && stored.source_en ? { es: stored.source_es, en: stored.source_en } : null,
          ),
          // A block that introduces (covers no activity) and states a number the records do not give.
          narratives: [
            {
              id: 'n-2022-quetzal',
              section: 'coa:2.1',
              order: 999_000,
              label: null,
              list: null,
              institution: 'SEMAR',
              text: {
                es: 'La SEMAR informó de {w} mujeres en el taller Quetzal.',
                en: 'SEMAR reported {w} women in the Quetzal workshop.',
              },
              figures: { w: 'sum(women where id = "semar-2022-new-training")' },
            },
          ],
          claims: [
            {
              id: 'c-2022-quetzal',
              section: 'coa:2.1',
              stated: 420,
              relation: '=',
              expr: 'sum(women where id = "semar-2022-new-training")',
              quote: 'SEMAR reported 420 women in the Quetzal workshop.',
              location: 'text',
              ref: 'n-2022-quetzal',
              cell: null,
            },
          ],
        }),
        jsonFile('period-2023.json', periodFile(2023, records2023)),
      ]);
      await approveAndPublish(t, 2023);
      for (const year of [2022, 2023]) {
        outputs.set(
          year,
          await compileReports(t, {
            period: year,
            langs: ['es', 'en'],
            formats: ['html', 'pdf', 'docx'],
            status: 'published',
          }),
        );
        for (const lang of ['es', 'en'] as const)
          docs.set(`${year}-${lang}`, await buildReportDocument(t, { period: year, lang, status: 'published' }));
      }
    }, 300_000);
    afterAll(async () => {
      if (process.env.NAP1325_KEEP_REPORTS)
        for (const [year, list] of outputs)
          for (const o of list) writeFileSync(join(process.env.NAP1325_KEEP_REPORTS, `${year}-${o.fileName}`), o.bytes);
      await t.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    /** The body text of each format (before the annexes). */
    function bodies(year: number, lang: 'es' | 'en'): Record<'html' | 'pdf' | 'docx', string> {
      const out = (format: string) => outputs.get(year)!.find((o) => o.lang === lang && o.format === format)!.bytes;
      const html = out('html').toString();
      const htmlBody = decode(html.slice(0, html.indexOf('id="annex-')).replace(/<[^>]+>/g, ' '));
      const pdfFile = join(dir, `${year}-${lang}.pdf`);
      writeFileSync(pdfFile, out('pdf'));
      const pdf = execFileSync('pdftotext', ['-raw', pdfFile, '-']).toString();
      const xml = readZip(out('docx')).get('word/document.xml')!.toString();
      const docx = decode(xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, ''));
      return { html: squash(htmlBody), pdf: squash(pdf), docx: squash(docx) };
    }

    for (const lang of ['es', 'en'] as const)
      it(`every added record is in the body of the HTML, PDF and DOCX with its figures (${lang})`, () => {
        for (const year of [2022, 2023]) {
          const text = bodies(year, lang);
          for (const e of expected.filter((x) => x.year === year))
            for (const format of ['html', 'pdf', 'docx'] as const) {
              const hay = text[format];
              // The title's first two words are enough to find it (a long title may wrap in the PDF).
              const key = e.title[lang].split(' ').slice(0, 2).join(' ');
              const at = hay.indexOf(key);
              expect(at, `${year} ${format} ${lang}: ${key}`).toBeGreaterThanOrEqual(0);
              const window = digitsOf(hay.slice(at, at + 1_500));
              for (const f of e.figures[lang])
                expect(window, `${year} ${format} ${lang}: ${key} → ${f}`).toContain(digitsOf(f));
            }
        }
      });

    it('the generated figures link to source notes whose formula names the record', () => {
      const doc = docs.get('2023-en')!;
      const para = doc.body.find((b) => b.kind === 'paragraph' && b.id === 'gen-sedena-2023-training');
      expect(para?.kind).toBe('paragraph');
      const figures = para!.kind === 'paragraph' ? para.parts.filter((p) => p.kind === 'figure') : [];
      expect(figures.map((f) => (f.kind === 'figure' ? f.figure.text : ''))).toEqual(['8,999', '3,917', '5,082']);
      for (const f of figures)
        if (f.kind === 'figure')
          expect(doc.notes.find((n) => n.n === f.figure.note)?.formula).toContain('within = "sedena-2023-training"');
    });

    it('a course with editions gets a table computed from its leaves, with a total row', () => {
      const doc = docs.get('2022-en')!;
      const table = doc.body.find((b) => b.kind === 'table' && b.id === 'gen-table-semar-2022-new-course');
      expect(table?.kind).toBe('table');
      if (table?.kind !== 'table') return;
      const text = (c: { kind: string; text?: string; figure?: { text: string } }) =>
        c.kind === 'figure' ? c.figure!.text : c.text!;
      expect(table.rows.map((r) => r.map(text))).toEqual([
        ['First Colibri edition', 'from March 1 to 5, 2022', '1,234', '1,111', '2,345'],
        ['Second Colibri edition', 'from September 12 to 16, 2022', '2,345', '1,989', '4,334'],
      ]);
      expect(table.total?.map(text)).toEqual(['Total', '', '3,579', '3,100', '6,679']);
    });

    it('2023 opens with key figures: training by institution, deployments against the UN target of 2023', () => {
      const doc = docs.get('2023-en')!;
      expect(doc.toc.map((e) => e.text)).toContain('Key figures 2023');
      const trained = doc.body.find((b) => b.kind === 'table' && b.id === 'kf-trained');
      expect(
        trained?.kind === 'table' &&
          trained.rows.map((r) => r.map((c) => (c.kind === 'figure' ? c.figure.text : c.text))),
      ).toEqual([['SEDENA', '3,917', '5,082', '8,999']]);
      const deployed = doc.body.find((b) => b.kind === 'table' && b.id === 'kf-deployments');
      const row =
        deployed?.kind === 'table' ? deployed.rows[0]!.map((c) => (c.kind === 'figure' ? c.figure.text : c.text)) : [];
      // Military contingents: 10% in 2023 (8% in 2021, one point a year); 18.5% reaches it.
      expect(row).toEqual(['Military contingents', '37', '200', '18.5', '10', 'Reached']);
      expect(doc.body.some((b) => b.kind === 'chart' && b.id === 'chart-trained')).toBe(true);
      // 2022 had records: the change is measured against it, the base shown.
      const summary = doc.body.find((b) => b.kind === 'table' && b.id === 'kf-summary');
      expect(summary?.kind === 'table' && summary.columns.map((c) => c.label)).toEqual([
        'Measure',
        '2023',
        '2022',
        'Change (%)',
      ]);
      // The trend across periods: 2022 (seed + added) and 2023, as a table and its chart.
      const trend = doc.body.find((b) => b.kind === 'table' && b.id === 'kf-trend');
      expect(trend?.kind === 'table' && trend.rows.map((r) => r[0]?.kind === 'text' && r[0].text)).toEqual([
        '2022',
        '2023',
      ]);
      expect(
        trend?.kind === 'table' && trend.rows[1]!.map((c) => (c.kind === 'figure' ? c.figure.text : c.text)),
      ).toEqual(['2023', '3,917', '5,082', '8,999']);
      expect(doc.body.some((b) => b.kind === 'chart' && b.id === 'chart-trend')).toBe(true);
    });

    it('the 2022 report still uses its narrative: no generated text for covered activities', () => {
      const doc = docs.get('2022-es')!;
      const generated = doc.body
        .filter((b) => b.kind === 'paragraph' && b.id.startsWith('gen-'))
        .map((b) => b.kind === 'paragraph' && b.id);
      expect(generated.sort()).toEqual(['gen-semar-2022-new-course', 'gen-semar-2022-new-training']);
    });

    it('a number the source states and the records do not give is kept, with the records’ figure beside it', () => {
      for (const [lang, want] of [
        [
          'en',
          'SEMAR reported 420 women in the Quetzal workshop (the records give 417, which differs from the statement).',
        ],
        [
          'es',
          'La SEMAR informó de 420 mujeres en el taller Quetzal (los registros dan 417, que difiere de lo enunciado).',
        ],
      ] as const) {
        const b = docs.get(`2022-${lang}`)!.body.find((x) => x.kind === 'paragraph' && x.id === 'n-2022-quetzal');
        expect(
          b?.kind === 'paragraph' && b.parts.map((p) => (p.kind === 'figure' ? p.figure.text : p.text)).join(''),
        ).toBe(want);
      }
    });

    it('a relation the source states ("above 25%") is printed as stated and checked, not replaced by a value', () => {
      const para = (lang: 'es' | 'en') => {
        const b = docs.get(`2022-${lang}`)!.body.find((x) => x.kind === 'paragraph' && x.id === 'n-395');
        return b?.kind === 'paragraph'
          ? b.parts.map((p) => (p.kind === 'figure' ? p.figure.text : p.text)).join('')
          : '';
      };
      expect(para('en')).toContain('is above 25% of the total');
      expect(para('en')).toContain('(the records give 26.67%, which bears this out)');
      expect(para('es')).toContain('es de más del 25% del total');
      expect(para('es')).toContain('(los registros dan 26.67%, lo que confirma lo enunciado)');
    });
  },
);
