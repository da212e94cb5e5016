/** The spreadsheet API (src/server/routes/xlsx.routes.ts). */
import type { SubmissionState } from '../../../../core/model/access.js';
import type { Activity } from '../../../../core/schemas/period.schema.js';
import { api } from '../../../api/client.js';

export interface SheetProblem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  field: string | null;
  severity: 'error' | 'warning';
  message: { es: string; en: string };
  /** "sheet …, row …, column …: message" in the caller's language. */
  text: string;
}

export type RowStatus = 'new' | 'changed' | 'unchanged' | 'invalid';

export interface PreviewRow {
  sheet: string;
  row: number;
  id: string | null;
  status: RowStatus;
  activity: Activity | null;
  problems: SheetProblem[];
}

export interface XlsxPreview {
  file: string;
  period: number;
  institution: string;
  submission: { ministry: string; state: SubmissionState; open: boolean };
  rows: PreviewRow[];
  problems: SheetProblem[];
  counts: {
    rows: number;
    new: number;
    changed: number;
    unchanged: number;
    invalid: number;
    errors: number;
    warnings: number;
  };
  notInFile: string[];
  canCommit: boolean;
}

export interface XlsxCommit {
  file: string;
  period: number;
  counts: { created: number; updated: number; unchanged: number };
}

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
