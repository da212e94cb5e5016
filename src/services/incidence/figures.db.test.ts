import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBulletinJson } from '../../core/incidence/bulletin-json.js';
import { testEngines, type TestDatabase } from '../../../test/test-db.js';
import {
  encodeCp1252,
  generateCrimeCsv,
  victims2021Text,
  victimsOfYear,
} from '../../../test/fixtures/sesnsp/generate-sesnsp.js';
import { referenceFile } from '../../config/paths.js';
import { loadBulletinFigures } from './figures.service.js';
import { importIncidenceFiles } from './import.service.js';
import { usePreparedDatabase } from '../../../test/prepared-db.js';

/**
 * The December 2021 bulletin's figures equal sums computed here, independently, from the SESNSP file
 * (split by hand, no code of the importer), and its rates use CONAPO's mid-year women of 2021.
 */
interface Line {
  entity: string;
  subtype: string;
  modality: string;
  sex: string;
  months: number[];
  municipality?: string;
}

/** The cells of each data row of a generated CSV (its header dropped). */
const csvRows = (text: string) =>
  text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
const monthCounts = (cells: string[]) => cells.map((x) => (x === '' ? NaN : Number(x)));

function parseVictims(text: string): Line[] {
  return csvRows(text).map((c) => ({
    entity: c[1]!.padStart(2, '0'),
    subtype: c[5]!,
    modality: c[6]!,
    sex: c[7]!,
    months: monthCounts(c.slice(9)),
  }));
}

function parseCrimes(text: string, municipal: boolean): Line[] {
  const o = municipal ? 2 : 0;
  return csvRows(text).map((c) => ({
    entity: c[1]!.padStart(2, '0'),
    municipality: municipal ? c[3]!.padStart(5, '0') : undefined,
    subtype: c[5 + o]!,
    modality: c[6 + o]!,
    sex: '',
    months: monthCounts(c.slice(7 + o)),
  }));
}

const sum = (lines: Line[], keep: (l: Line) => boolean, months: number[]) =>
  lines.filter(keep).reduce((s, l) => s + months.reduce((t, m) => t + l.months[m - 1]!, 0), 0);
const upTo = (m: number) => Array.from({ length: m }, (_, i) => i + 1);

/** CONAPO's mid-year women, read here from the reference file. */
function conapoWomen(year: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of readFileSync(referenceFile('conapo-population-states.csv'), 'utf8').trim().split('\n').slice(1)) {
    const [y, ent, , sex, , mid] = line.split(',');
    if (Number(y) === year && sex === 'women') out.set(ent!, Number(mid));
  }
  return out;
}

describe.each(testEngines())('bulletin figures (%s)', (engine) => {
  let t: TestDatabase;
  const victims = parseVictims(victims2021Text());
  const women = conapoWomen(2021);
  const state = generateCrimeCsv({ kind: 'state-crimes', year: 2021 });
  const municipal = generateCrimeCsv({ kind: 'municipal-crimes', year: 2021, entities: ['08', '15'] });

  usePreparedDatabase(
    engine,
    (db) => (t = db),
    (db) => importIncidenceFiles(db, [{ name: 'victims-2021.csv', bytes: encodeCp1252(victims2021Text()) }]),
  );

  it('December 2021 from the victims file: femicide by month, year to date, by entity and modality, other crimes', async () => {
    const f = await loadBulletinFigures(t, '2021-12');
    const fem = (l: Line) => l.subtype === 'Feminicidio' && l.sex === 'Mujer';
    expect(f.femicide.byMonth.map((m) => m.value)).toEqual(upTo(12).map((m) => sum(victims, fem, [m])));
    expect(f.femicide.ytd.value).toBe(sum(victims, fem, upTo(12)));
    expect(f.femicide.ytd.value).toBe(1021);
    for (const e of f.femicide.byEntity)
      expect([e.code, e.ytd.value]).toEqual([
        e.code,
        sum(victims, (l) => fem(l) && `MX-${l.entity}` === e.code, upTo(12)),
      ]);
    for (const m of f.femicide.byModality)
      expect(m.ytd.value).toBe(sum(victims, (l) => fem(l) && l.modality === m.modality, upTo(12)));
    const women2021 = (subtype: string) => sum(victims, (l) => l.subtype === subtype && l.sex === 'Mujer', upTo(12));
    expect(f.homicide.ytd.value).toBe(women2021('Homicidio doloso'));
    expect(f.injuries.ytd.value).toBe(women2021('Lesiones dolosas'));
    expect(f.trafficking.ytd.value).toBe(women2021('Trata de personas'));
    // Men are never counted: femicide rows of other sexes would change the sum.
    expect(f.homicide.ytd.value).toBeLessThan(sum(victims, (l) => l.subtype === 'Homicidio doloso', upTo(12)));
  });

  it('rates per 100,000 women use CONAPO mid-year women of 2021', async () => {
    const f = await loadBulletinFigures(t, '2021-12');
    expect(women.get('00')).toBe(65_890_871);
    expect(f.femicide.rate.value).toBeCloseTo((1021 / 65_890_871) * 100_000, 10);
    for (const e of f.femicide.byEntity)
      expect(e.rate.value).toBeCloseTo((e.ytd.value! / women.get(e.code.slice(3))!) * 100_000, 10);
    const json = toBulletinJson(f, 'draft');
    expect(json.femicide.ratePer100kWomen.national).toBe(Math.round((1021 / 65_890_871) * 100_000 * 10_000) / 10_000);
    expect(json.femicide.ratePer100kWomen.byEntity['09']).toBe(
      Math.round((f.femicide.byEntity[8]!.ytd.value! / women.get('09')!) * 100_000 * 10_000) / 10_000,
    );
  });

  it('a month in the middle of the year adds up January to that month; later months are null, never 0', async () => {
    const f = await loadBulletinFigures(t, '2021-05');
    const fem = (l: Line) => l.subtype === 'Feminicidio' && l.sex === 'Mujer';
    expect(f.femicide.ytd.value).toBe(sum(victims, fem, upTo(5)));
    expect(f.femicide.byMonth.slice(5).every((m) => m.value === null && m.missing === 'after-month')).toBe(true);
    const json = toBulletinJson(f, 'draft');
    expect(json.femicide.womenVictimsByMonth.slice(5)).toEqual([null, null, null, null, null, null, null]);
  });

  it('without the crime files, rape and domestic violence are null ("not loaded"); the previous year too', async () => {
    const f = await loadBulletinFigures(t, '2021-12');
    expect(f.rape.ytd).toMatchObject({ value: null, missing: 'not-loaded' });
    expect(f.domesticViolence.ytd).toMatchObject({ value: null, missing: 'not-loaded' });
    expect(f.femicide.previousYtd).toMatchObject({ value: null, missing: 'not-loaded' });
    expect(f.topMunicipalities).toBeNull();
    const json = toBulletinJson(f, 'draft');
    expect([json.rapeCrimesYearToDate, json.domesticViolenceCrimesYearToDate]).toEqual([null, null]);
  });

  it('with the crime files: rape (simple + equated) and domestic violence by entity, top municipalities by femicide', async () => {
    await importIncidenceFiles(t, [
      { name: 'state-2021.csv', bytes: encodeCp1252(state) },
      { name: 'municipal-2021.csv', bytes: Buffer.from(municipal) },
    ]);
    const f = await loadBulletinFigures(t, '2021-12');
    const crimes = parseCrimes(state, false);
    const is =
      (...subtypes: string[]) =>
      (l: Line) =>
        subtypes.includes(l.subtype);
    expect(f.rape.ytd.value).toBe(sum(crimes, is('Violación simple', 'Violación equiparada'), upTo(12)));
    expect(f.rapeSimple.ytd.value).toBe(sum(crimes, is('Violación simple'), upTo(12)));
    expect(f.domesticViolence.ytd.value).toBe(sum(crimes, is('Violencia familiar'), upTo(12)));
    expect(f.domesticViolence.byEntity[14]!.ytd.value).toBe(
      sum(crimes, (l) => l.subtype === 'Violencia familiar' && l.entity === '15', upTo(12)),
    );
    const mun = parseCrimes(municipal, true);
    const byMun = new Map<string, number>();
    for (const l of mun)
      if (l.subtype === 'Feminicidio')
        byMun.set(l.municipality!, (byMun.get(l.municipality!) ?? 0) + l.months.reduce((a, b) => a + b, 0));
    const top = [...byMun.entries()]
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 10);
    expect(f.topMunicipalities!.map((m) => [m.code, m.ytd.value])).toEqual(top.map(([c, n]) => [`MX-${c}`, n]));
  });

  it('a later year in the same layout reports against the same months of the previous year, with the change', async () => {
    const text2022 = victimsOfYear(2022, 4);
    await importIncidenceFiles(t, [{ name: 'victims-2022.csv', bytes: encodeCp1252(text2022) }]);
    const f = await loadBulletinFigures(t, '2022-04');
    const fem = (l: Line) => l.subtype === 'Feminicidio' && l.sex === 'Mujer';
    const now = sum(parseVictims(text2022), fem, upTo(4));
    const before = sum(victims, fem, upTo(4));
    expect([f.femicide.ytd.value, f.femicide.previousYtd.value]).toEqual([now, before]);
    expect(f.femicide.change.value).toBeCloseTo(((now - before) / before) * 100, 10);
    expect(f.femicide.rate.value).toBeCloseTo((now / conapoWomen(2022).get('00')!) * 100_000, 10);
    await expect(loadBulletinFigures(t, '2022-05')).rejects.toMatchObject({ code: 'not_found' });
  });
});
