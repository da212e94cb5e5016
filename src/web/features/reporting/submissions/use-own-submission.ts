import { useEffect, useState } from 'react';
import type { Role } from '../../../../core/model/access.js';
import { getBoard, type BoardRow } from './submission-api.js';

/** Whether an editor may record and change their institution's records in a state. */
export function isOpen(row: Pick<BoardRow, 'state'> | null): boolean {
  return row === null || row.state === 'draft' || row.state === 'returned';
}

/**
 * The signed-in editor's own submission for a period (null for other roles or before it loads),
 * so a page can say *before* anyone types that the period is locked.
 */
export function useOwnSubmission(role: Role, period: number | null, lang: string): BoardRow | null {
  const [row, setRow] = useState<{ key: string; row: BoardRow | null } | null>(null);
  const key = `${role}/${period ?? ''}`;
  useEffect(() => {
    if (role !== 'editor' || period === null) return;
    let live = true;
    getBoard(period, lang)
      .then((rows) => live && setRow({ key, row: rows.find((r) => r.period === period) ?? null }))
      .catch(() => live && setRow({ key, row: null }));
    return () => {
      live = false;
    };
  }, [key, role, period, lang]);
  return row?.key === key ? row.row : null;
}
