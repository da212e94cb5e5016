/** The submissions API (src/server/routes/reporting/submissions.routes.ts) as the pages use it; answer types come from its schemas. */
import type { SubmissionAction } from '../../../../core/model/access.js';
import type {
  BoardRow,
  SubmissionChanges,
  SubmissionChecks,
  SubmissionEvent,
  SubmissionStatus,
  TransitionInput,
} from '../../../../server/routes/reporting/submissions.schemas.js';
import { api } from '../../../api/client.js';

export type { BoardRow, SubmissionChanges, SubmissionChecks, SubmissionEvent, SubmissionStatus, TransitionInput };

const base = (institution: string, period: number) => `/api/submissions/${encodeURIComponent(institution)}/${period}`;

export function getBoard(period: number | null, lang: string): Promise<BoardRow[]> {
  return api<BoardRow[]>(`/api/submissions${period === null ? '' : `?period=${period}`}`, { lang });
}

export function getEvents(institution: string, period: number, lang: string): Promise<SubmissionEvent[]> {
  return api<SubmissionEvent[]>(`${base(institution, period)}/events`, { lang });
}

export function getChecks(institution: string, period: number, lang: string): Promise<SubmissionChecks> {
  return api<SubmissionChecks>(`${base(institution, period)}/checks`, { lang });
}

export function getChanges(institution: string, period: number, lang: string): Promise<SubmissionChanges> {
  return api<SubmissionChanges>(`${base(institution, period)}/changes`, { lang });
}

export function transition(
  institution: string,
  period: number,
  action: SubmissionAction,
  body: TransitionInput,
  lang: string,
): Promise<SubmissionStatus> {
  return api<SubmissionStatus>(`${base(institution, period)}/${action}`, { method: 'POST', body, lang });
}

export function setDeadline(
  institution: string,
  period: number,
  deadline: string | null,
  lang: string,
): Promise<SubmissionStatus> {
  return api<SubmissionStatus>(`${base(institution, period)}/deadline`, { method: 'PUT', body: { deadline }, lang });
}
