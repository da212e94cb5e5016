import type { IncidenceKind } from '../../core/incidence/vocabulary.js';
import type { Database } from '../../db/create-db.js';
import { readCuts } from '../../db/repositories/incidence.repository.js';
import { availableMonths } from './figures.service.js';
import { publishedMonths } from './publish.service.js';

export interface IncidenceStatus {
  cuts: {
    kind: IncidenceKind;
    year: number;
    cutDate: string;
    fileName: string;
    lastMonth: number;
    rows: number;
    leaves: number;
    importedAt: string;
  }[];
  /** Months a report can be made for (the victims files publish them). */
  months: string[];
  /** Months with a published report, newest first. */
  published: string[];
}

/** What incidence data the database holds, for the CLI and the coordinator's page. */
export async function incidenceStatus(database: Database): Promise<IncidenceStatus> {
  const cuts = await readCuts(database.db);
  return {
    cuts: cuts.map((c) => ({
      kind: c.kind as IncidenceKind,
      year: c.year,
      cutDate: c.cut_date,
      fileName: c.file_name,
      lastMonth: c.last_month,
      rows: c.row_count,
      leaves: c.leaf_count,
      importedAt: c.imported_at,
    })),
    months: await availableMonths(database),
    published: await publishedMonths(database),
  };
}
