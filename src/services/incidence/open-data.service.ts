/**
 * Open data of the published months (CSV, XLSX, JSON): for every month with a published report, the
 * bulletin's crimes by entity and nationally — that month's count, CONAPO's mid-year women and the
 * rate per 100,000 women — with the SESNSP file and cut each value comes from. Months without a
 * published report are never in it.
 */
import type { CutInfo } from '../../core/incidence/figures.js';
import { round4 } from '../../core/incidence/bulletin-json.js';
import { CRIMES, INCIDENCE_OPEN_FILES, parseMonth, type BulletinCrime } from '../../core/incidence/vocabulary.js';
export { INCIDENCE_OPEN_FILES };
import type { Database } from '../../db/create-db.js';
import { readCuts, sumLeaves } from '../../db/repositories/incidence.repository.js';
import { writeOpenCsv } from '../../formats/open-data/open-data-csv.js';
import { writeOpenJson } from '../../formats/open-data/open-data-json.js';
import { writeOpenXlsx } from '../../formats/open-data/open-data-xlsx.js';
import type { OpenCell, OpenTable } from '../../formats/open-data/open-table.js';
import { conapoWomen, toCut } from './figures.service.js';
import { publishedMonths } from './publish.service.js';

/** The crimes of the open data and how they are counted. */
const OPEN_CRIMES: { key: BulletinCrime; es: string; en: string }[] = [
  { key: 'femicide', es: 'Feminicidio (mujeres víctimas)', en: 'Femicide (women victims)' },
  { key: 'homicide', es: 'Homicidio doloso (mujeres víctimas)', en: 'Intentional homicide (women victims)' },
  { key: 'injuries', es: 'Lesiones dolosas (mujeres víctimas)', en: 'Intentional injuries (women victims)' },
  { key: 'trafficking', es: 'Trata de personas (mujeres víctimas)', en: 'Human trafficking (women victims)' },
  { key: 'rapeSimple', es: 'Violación simple (delitos)', en: 'Simple rape (crimes)' },
  { key: 'rapeEquated', es: 'Violación equiparada (delitos)', en: 'Equated rape (crimes)' },
  { key: 'domesticViolence', es: 'Violencia familiar (delitos)', en: 'Domestic violence (crimes)' },
];

const f = (name: string, type: 'string' | 'integer' | 'number', es: string, en: string) => ({
  name,
  type,
  title: { es, en },
  description: { es, en },
});

export async function incidenceOpenTable(database: Database): Promise<OpenTable> {
  const months = (await publishedMonths(database))
    .map((m) => ({ key: m, ...parseMonth(m)! }))
    .sort((a, b) => a.key.localeCompare(b.key));
  const years = [...new Set(months.map((m) => m.year))];
  const cuts: CutInfo[] = (await readCuts(database.db)).filter((c) => years.includes(c.year)).map(toCut);
  const names = new Map(
    (
      await database.db
        .selectFrom('place')
        .select(['code', 'name_es'])
        .where('kind', '=', 'state')
        .where('code', 'like', 'MX-%')
        .execute()
    ).map((p) => [p.code.slice(3), p.name_es]),
  );
  const rows: Record<string, OpenCell>[] = [];
  for (const kind of ['victims', 'state-crimes'] as const) {
    const crimes = OPEN_CRIMES.filter((c) => CRIMES[c.key].kind === kind);
    const kindCuts = cuts.filter((c) => c.kind === kind);
    const sums = await sumLeaves(database.db, {
      cutIds: kindCuts.map((c) => c.id),
      subtypeKeys: [...new Set(crimes.flatMap((c) => CRIMES[c.key].subtypes))],
      sexKey: kind === 'victims' ? 'mujer' : null,
      maxMonth: 12,
    });
    for (const m of months) {
      const cut = kindCuts.find((c) => c.year === m.year);
      if (!cut || m.month > cut.lastMonth) continue;
      const pop = conapoWomen(m.year);
      for (const crime of crimes) {
        const byEntity = new Map<string, number>([...names.keys()].map((k) => [k, 0]));
        for (const r of sums)
          if (r.cutId === cut.id && r.month === m.month && CRIMES[crime.key].subtypes.includes(r.subtypeKey))
            byEntity.set(r.place.slice(3, 5), (byEntity.get(r.place.slice(3, 5)) ?? 0) + r.count);
        const national = [...byEntity.values()].reduce((a, b) => a + b, 0);
        for (const [code, count] of [['00', national] as const, ...[...byEntity.entries()].sort()]) {
          const women = code === '00' ? (pop?.national ?? null) : (pop?.byEntity[code] ?? null);
          rows.push({
            month: m.key,
            entity_code: code,
            entity: code === '00' ? 'Nacional' : (names.get(code) ?? code),
            crime: crime.key,
            crime_es: crime.es,
            crime_en: crime.en,
            count,
            women_mid_year: women,
            rate_per_100k_women: women ? round4((count / women) * 100_000) : null,
            source_file: cut.fileName,
            cut_date: cut.cutDate,
          });
        }
      }
    }
  }
  return {
    name: 'incidence-women',
    title: {
      es: 'Incidencia de violencia contra las mujeres, meses publicados',
      en: 'Incidence of violence against women, published months',
    },
    description: {
      es: 'Por cada mes con reporte mensual publicado: mujeres víctimas (feminicidio, homicidio doloso, lesiones dolosas, trata de personas) y delitos (violación simple y equiparada, violencia familiar) del mes, por entidad y nacional (00), con las mujeres a mitad de año de CONAPO y la tasa por 100 mil mujeres. Fuente: SESNSP, datos abiertos de incidencia delictiva; CONAPO.',
      en: 'For every month with a published monthly report: women victims (femicide, intentional homicide, intentional injuries, human trafficking) and crimes (simple and equated rape, domestic violence) of the month, by entity and nationally (00), with CONAPO mid-year women and the rate per 100,000 women. Source: SESNSP, crime open data; CONAPO.',
    },
    primaryKey: ['month', 'entity_code', 'crime'],
    fields: [
      f('month', 'string', 'Mes (AAAA-MM)', 'Month (YYYY-MM)'),
      f('entity_code', 'string', 'Clave INEGI de la entidad (00 = nacional)', 'INEGI entity code (00 = national)'),
      f('entity', 'string', 'Entidad', 'Entity'),
      f('crime', 'string', 'Clave del delito', 'Crime key'),
      f('crime_es', 'string', 'Delito', 'Crime (Spanish)'),
      f('crime_en', 'string', 'Delito (inglés)', 'Crime'),
      f('count', 'integer', 'Víctimas o delitos del mes', "The month's victims or crimes"),
      f('women_mid_year', 'integer', 'Mujeres a mitad de año (CONAPO)', 'Mid-year women (CONAPO)'),
      f('rate_per_100k_women', 'number', 'Tasa del mes por 100 mil mujeres', "The month's rate per 100,000 women"),
      f('source_file', 'string', 'Archivo del SESNSP', 'SESNSP file'),
      f('cut_date', 'string', 'Fecha de corte del archivo', "The file's cut date"),
    ],
    rows,
  };
}

export type IncidenceOpenFile = (typeof INCIDENCE_OPEN_FILES)[number];

export async function downloadIncidenceOpenData(
  database: Database,
  file: IncidenceOpenFile,
): Promise<{ fileName: string; contentType: string; body: Buffer | string }> {
  const table = await incidenceOpenTable(database);
  if (file.endsWith('.csv'))
    return { fileName: file, contentType: 'text/csv; charset=utf-8', body: writeOpenCsv(table) };
  if (file.endsWith('.json'))
    return { fileName: file, contentType: 'application/json; charset=utf-8', body: writeOpenJson(table) };
  return {
    fileName: file,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await writeOpenXlsx([table]),
  };
}
