/** The notices API (src/server/routes/notices/notices.routes.ts); answer types come from its schemas. */
import type { NoticeList } from '../../../server/routes/notices/notices.schemas.js';
import { api } from '../../api/client.js';

export type { NoticeList };
export type Notice = NoticeList['items'][number];

export const listNotices = (lang: string) => api<NoticeList>('/api/notices', { lang });
export const markRead = (ids: readonly string[] | 'all', lang: string) =>
  api<{ unread: number }>('/api/notices/read', {
    method: 'POST',
    body: ids === 'all' ? { all: true } : { ids },
    lang,
  });
