import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { encodeCp1252, generateCrimeCsv, victims2021Text } from '../../../test/fixtures/sesnsp/generate-sesnsp.js';
import { readZip } from '../../../test/zip.js';
import { prepareDatabase } from '../data/reference-data.service.js';
import { compileBulletins, type BulletinOutput } from './bulletin.service.js';
import { importIncidenceFiles } from './import.service.js';

/**
 * The December 2021 bulletin in HTML, PDF, DOCX and JSON, Spanish and English: its figures are the
 * sums of the SESNSP file computed here; the PDF's text and the DOCX's XML carry the same figures in
 * the same order as the HTML; every figure links to a source note.
 */
const HAS_BROWSER = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdftotext');
const FIG = /<a class="fig" href="#bn-(\d+)" title="([^"]*)">([^<]*)<\/a>/g;
const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
const digits = (s: string) => s.replace(/[^\d.]/g, '');
const tokens = (text: string) => [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => digits(m[0]));

function missingInOrder(hay: string[], needles: string[]): string | null {
  let i = 0;
  for (const n of needles) {
    while (i < hay.length && hay[i] !== n) i++;
    if (i >= hay.length) return n;
    i++;
  }
  return null;
}

/** Women victims by subtype, entity (two digits) and month, summed here from the file's lines. */
function womenVictims(subtype: string): { total: number; byMonth: number[]; byEntity: Map<string, number> } {
  const byMonth = Array<number>(12).fill(0);
  const byEntity = new Map<string, number>();
  for (const line of victims2021Text().trim().split('\r\n').slice(1)) {
    const c = line.split(',');
    if (c[5] !== subtype || c[7] !== 'Mujer') continue;
    const months = c.slice(9).map(Number);
    months.forEach((v, i) => (byMonth[i]! += v));
    const e = c[1]!.padStart(2, '0');
    byEntity.set(e, (byEntity.get(e) ?? 0) + months.reduce((a, b) => a + b, 0));
  }
  return { total: byMonth.reduce((a, b) => a + b, 0), byMonth, byEntity };
}

describe.skipIf(!HAS_BROWSER)('the December 2021 bulletin in every format and language', () => {
  let t: TestDatabase;
  let outputs: BulletinOutput[];
  const dir = mkdtempSync(join(tmpdir(), 'nap1325-bulletin-'));
  const out = (lang: 'es' | 'en' | null, format: string) =>
    outputs.find((o) => o.lang === lang && o.format === format)!;
  const femicide = womenVictims('Feminicidio');

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    await prepareDatabase(t);
    await importIncidenceFiles(t, [
      { name: 'victims-2021.csv', bytes: encodeCp1252(victims2021Text()) },
      { name: 'state-2021.csv', bytes: encodeCp1252(generateCrimeCsv({ kind: 'state-crimes', year: 2021 })) },
    ]);
    outputs = await compileBulletins(t, {
      month: '2021-12',
      langs: ['es', 'en'],
      formats: ['html', 'pdf', 'docx', 'json'],
      issued: '2022-01-20',
    });
  }, 180_000);
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the files sensibly and makes every format', () => {
    expect(outputs.map((o) => o.fileName).sort()).toEqual([
      'incidencia-2021-12.json',
      'report-violence-women-2021-12-en.docx',
      'report-violence-women-2021-12-en.html',
      'report-violence-women-2021-12-en.pdf',
      'reporte-violencia-mujeres-2021-12-es.docx',
      'reporte-violencia-mujeres-2021-12-es.html',
      'reporte-violencia-mujeres-2021-12-es.pdf',
    ]);
  });

  it('the JSON holds the figures computed from the file, rates to 4 decimals', () => {
    const json = JSON.parse(out(null, 'json').bytes.toString()) as Record<string, unknown> & {
      femicide: {
        womenVictimsByMonth: number[];
        womenVictimsYearToDate: number;
        ratePer100kWomen: { national: number };
      };
    };
    expect(json.month).toBe('2021-12');
    expect(json.femicide.womenVictimsByMonth).toEqual(femicide.byMonth);
    expect(json.femicide.womenVictimsYearToDate).toBe(femicide.total);
    expect(json.femicide.ratePer100kWomen.national).toBe(Number(((femicide.total / 65_890_871) * 1e5).toFixed(4)));
    expect(json.homicideWomenVictimsYearToDate).toBe(womenVictims('Homicidio doloso').total);
    expect(json.injuriesWomenVictimsYearToDate).toBe(womenVictims('Lesiones dolosas').total);
    expect(json.traffickingWomenVictimsYearToDate).toBe(womenVictims('Trata de personas').total);
    expect(typeof json.rapeCrimesYearToDate).toBe('number');
    expect(typeof json.domesticViolenceCrimesYearToDate).toBe('number');
  });

  it.each(['es', 'en'] as const)(
    'the %s HTML: locale formats, dates, the ranking by entity from the file, every figure with a note',
    (lang) => {
      const html = out(lang, 'html').bytes.toString();
      expect(html).toContain(
        lang === 'es' ? 'Cifras de enero a diciembre de 2021' : 'Figures for January to December 2021',
      );
      expect(html).toContain(lang === 'es' ? '20 de enero de 2022' : 'January 20, 2022');
      expect(html).toContain(lang === 'es' ? 'BORRADOR' : 'DRAFT');
      const rate = new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });
      expect(html).toContain(`>${(1021).toLocaleString(lang === 'es' ? 'es-MX' : 'en-US')}</a>`);
      expect(html).toContain(`>${rate.format((femicide.total / 65_890_871) * 1e5)}</a>`);
      const figures = [...html.matchAll(FIG)];
      const notes = new Set([...html.matchAll(/<li id="bn-(\d+)">/g)].map((m) => Number(m[1])));
      expect(figures.length).toBeGreaterThan(300);
      expect(figures.filter((m) => !notes.has(Number(m[1])))).toEqual([]);
      // The ranking: each entity's victims as summed from the file.
      const table = html.slice(
        html.indexOf('id="table-femicide-entities"'),
        html.indexOf('id="table-femicide-modality"'),
      );
      const names: Record<string, string> = {
        Aguascalientes: '01',
        Chihuahua: '08',
        'Ciudad de México': '09',
        Jalisco: '14',
        Zacatecas: '32',
      };
      for (const [name, code] of Object.entries(names)) {
        const row = new RegExp(`<td>${name}</td><td class="num">[^<]*<a class="fig"[^>]*>([^<]*)</a>`).exec(table);
        expect(row?.[1], name).toBe(String(femicide.byEntity.get(code)));
      }
    },
  );

  it('the PDF text and the DOCX XML carry the same figures, in the same order, as the HTML', () => {
    for (const lang of ['es', 'en'] as const) {
      const html = out(lang, 'html').bytes.toString();
      const body = html.slice(0, html.indexOf('id="notes"'));
      const figures = [...body.matchAll(FIG)].map((m) => digits(decode(m[3]!))).filter((d) => d !== '');
      expect(figures.length).toBeGreaterThan(300);
      const pdfFile = join(dir, `${lang}.pdf`);
      writeFileSync(pdfFile, out(lang, 'pdf').bytes);
      const pdfText = execFileSync('pdftotext', ['-raw', pdfFile, '-']).toString();
      expect(pdfText).toContain(lang === 'es' ? 'Página 1 de' : 'Page 1 of');
      expect(missingInOrder(tokens(pdfText), figures), `${lang} PDF`).toBeNull();
      const xml = readZip(out(lang, 'docx').bytes).get('word/document.xml')!.toString();
      const docText = decode(xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, ''));
      expect(missingInOrder(tokens(docText), figures), `${lang} DOCX`).toBeNull();
      expect(docText).toContain(lang === 'es' ? 'Notas metodológicas' : 'Methodological notes');
      const media = [...readZip(out(lang, 'docx').bytes).keys()].filter((k) => k.startsWith('word/media/'));
      expect(media.length, 'chart and map images').toBe(2);
    }
  });
});
