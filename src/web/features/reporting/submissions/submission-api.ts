/** The submissions API (src/server/routes/submissions.routes.ts) as the pages use it. */
import type { SubmissionAction, SubmissionState } from '../../../../core/model/access.js';
import { api } from '../../../api/client.js';

export interface BoardRow {
  institution: string;
  acronym: string;
  name: { es: string; en: string };
  period: number;
  state: SubmissionState;
  started: boolean;
  deadline: string | null;
  overdue: boolean;
  records: number;
  findings: { error: number; warning: number; info: number };
  coursesOfAction: { code: string; responsible: boolean; records: number }[];
  updatedAt: string | null;
}

export interface SubmissionEvent {
  id: string;
  at: string;
  action: string;
  comment: string | null;
  activityId: string | null;
  actor: { id: string; name: string } | null;
}

export interface SubmissionStatus {
  institution: string;
  period: number;
  state: SubmissionState;
  version: number;
  deadline: string | null;
  updatedAt: string;
}

export interface TransitionInput {
  comment?: string;
  reason?: string;
  recordComments?: { activityId: string; comment: string }[];
}

export function getBoard(period: number | null, lang: string): Promise<BoardRow[]> {
  return api<BoardRow[]>(`/api/submissions${period === null ? '' : `?period=${period}`}`, { lang });
}

export function getEvents(institution: string, period: number, lang: string): Promise<SubmissionEvent[]> {
  return api<SubmissionEvent[]>(`/api/submissions/${encodeURIComponent(institution)}/${period}/events`, { lang });
}

export function transition(
  institution: string,
  period: number,
  action: SubmissionAction,
  body: TransitionInput,
  lang: string,
): Promise<SubmissionStatus> {
  return api<SubmissionStatus>(`/api/submissions/${encodeURIComponent(institution)}/${period}/${action}`, {
    method: 'POST',
    body,
    lang,
  });
}

export function setDeadline(
  institution: string,
  period: number,
  deadline: string | null,
  lang: string,
): Promise<SubmissionStatus> {
  return api<SubmissionStatus>(`/api/submissions/${encodeURIComponent(institution)}/${period}/deadline`, {
    method: 'PUT',
    body: { deadline },
    lang,
  });
}
