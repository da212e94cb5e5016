/**
 * The portal's view of the monthly reports: published months only (latest version), their files and
 * the key figures of their frozen JSON — what was published, not recomputed.
 */
import type { BulletinJson } from '../../core/incidence/bulletin-json.js';
import type { Lang } from '../../core/model/kinds.js';
import type { Database } from '../../db/create-db.js';
import type { BulletinFormat } from './bulletin.service.js';
import { INCIDENCE_OPEN_FILES } from './open-data.service.js';
import { listBulletinFiles, readBulletinFile } from './publish.service.js';

type N = number | null;
export interface PublicMonth {
  month: string;
  version: number;
  publishedAt: string;
  files: { lang: Lang | null; format: BulletinFormat; fileName: string; bytes: number }[];
  figures: {
    femicideWomenVictimsByMonth: N[];
    femicideWomenVictimsByMonthPreviousYear: N[];
    femicideWomenVictimsYearToDate: N;
    femicideChangePercent: N;
    femicideRatePer100kWomen: N;
    femicideByEntity: Record<string, N>;
    femicideRateByEntity: Record<string, N>;
    homicideWomenVictimsYearToDate: N;
    injuriesWomenVictimsYearToDate: N;
    traffickingWomenVictimsYearToDate: N;
    rapeCrimesYearToDate: N;
    domesticViolenceCrimesYearToDate: N;
    sources: { kind: string; year: number; cutDate: string; file: string }[];
  };
}

export async function listPublicIncidence(database: Database): Promise<{
  months: PublicMonth[];
  entities: { code: string; name: string }[];
  openData: (typeof INCIDENCE_OPEN_FILES)[number][];
}> {
  const files = await listBulletinFiles(database, { latestOnly: true });
  const months: PublicMonth[] = [];
  for (const month of [...new Set(files.map((f) => f.month))]) {
    const mine = files.filter((f) => f.month === month);
    const json = JSON.parse(
      (await readBulletinFile(database, { month, lang: null, format: 'json' })).bytes.toString('utf8'),
    ) as BulletinJson;
    months.push({
      month,
      version: mine[0]!.version,
      publishedAt: mine[0]!.publishedAt,
      files: mine.map((f) => ({ lang: f.lang, format: f.format, fileName: f.fileName, bytes: f.bytes })),
      figures: {
        femicideWomenVictimsByMonth: json.femicide.womenVictimsByMonth,
        femicideWomenVictimsByMonthPreviousYear: json.femicide.womenVictimsByMonthPreviousYear,
        femicideWomenVictimsYearToDate: json.femicide.womenVictimsYearToDate,
        femicideChangePercent: json.femicide.changePercent,
        femicideRatePer100kWomen: json.femicide.ratePer100kWomen.national,
        femicideByEntity: json.femicide.womenVictimsByEntity,
        femicideRateByEntity: json.femicide.ratePer100kWomen.byEntity,
        homicideWomenVictimsYearToDate: json.homicideWomenVictimsYearToDate,
        injuriesWomenVictimsYearToDate: json.injuriesWomenVictimsYearToDate,
        traffickingWomenVictimsYearToDate: json.traffickingWomenVictimsYearToDate,
        rapeCrimesYearToDate: json.rapeCrimesYearToDate,
        domesticViolenceCrimesYearToDate: json.domesticViolenceCrimesYearToDate,
        sources: json.sources.map((s) => ({ kind: s.kind, year: s.year, cutDate: s.cutDate, file: s.file })),
      },
    });
  }
  const entities = (
    await database.db
      .selectFrom('place')
      .select(['code', 'name_es'])
      .where('kind', '=', 'state')
      .where('code', 'like', 'MX-%')
      .orderBy('code')
      .execute()
  ).map((p) => ({ code: p.code.slice(3), name: p.name_es }));
  return { months, entities, openData: [...INCIDENCE_OPEN_FILES] };
}
