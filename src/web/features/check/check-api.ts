/** "Check a document" (src/server/routes/check/check.routes.ts). */
import type { LintDocumentDto } from '../../../server/routes/check/check.schemas.js';
import { api } from '../../api/client.js';

export type { LintDocumentDto, LintFindingDto } from '../../../server/routes/check/check.schemas.js';

export const ACCEPTED =
  '.docx,.pdf,.txt,.md,application/pdf,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function isCheckable(name: string): boolean {
  return /\.(docx|pdf|txt|md|markdown)$/i.test(name);
}

export function checkDocument(file: File, year: number | null, lang: string): Promise<LintDocumentDto> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<LintDocumentDto>(`/api/check/document${year === null ? '' : `?year=${year}`}`, {
    method: 'POST',
    form,
    lang,
  });
}
