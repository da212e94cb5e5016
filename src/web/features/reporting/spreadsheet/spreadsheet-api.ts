/** The spreadsheet API (src/server/routes/reporting/xlsx.routes.ts); answer types come from its schemas. */
import type {
  PreviewRow,
  RowStatus,
  SheetProblem,
  XlsxCommit,
  XlsxPreview,
} from '../../../../server/routes/reporting/xlsx.schemas.js';
import { api } from '../../../api/client.js';

export type { PreviewRow, RowStatus, SheetProblem, XlsxCommit, XlsxPreview };

export function templateUrl(period: number, institution: string | null, lang: string): string {
  const p = new URLSearchParams({ period: String(period), lang });
  if (institution) p.set('institution', institution);
  return `/api/xlsx/template?${p.toString()}`;
}

function form(file: File): FormData {
  const f = new FormData();
  f.append('file', file, file.name);
  return f;
}

export const previewUpload = (file: File, period: number, lang: string) =>
  api<XlsxPreview>(`/api/xlsx/preview?period=${period}`, { method: 'POST', form: form(file), lang });

export const commitUpload = (file: File, period: number, lang: string) =>
  api<XlsxCommit>(`/api/xlsx/commit?period=${period}`, { method: 'POST', form: form(file), lang });
