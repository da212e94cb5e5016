/**
 * Refused requests are audited (QUALITY D1), but a signed-in account must not be able to grow the audit
 * table without bound by being refused on purpose: each account gets at most DENIALS_PER_WINDOW rows a
 * minute; the refusals beyond that are counted, and the account's next audited refusal says how many
 * were not written. The count lives in this process (a restart forgets at most one minute of it).
 */
export const DENIALS_PER_WINDOW = 10;
export const DENIAL_WINDOW_MS = 60_000;
const MAX_TRACKED = 10_000;

interface Window {
  start: number;
  written: number;
  suppressed: number;
}

const windows = new Map<string, Window>();

/** Whether this refusal gets its own audit row, and how many earlier ones did not. */
export function admitDenial(userId: string, now: Date): { write: boolean; notRecorded: number } {
  const t = now.getTime();
  const w = windows.get(userId);
  if (w === undefined || t - w.start >= DENIAL_WINDOW_MS || t < w.start) {
    if (windows.size >= MAX_TRACKED) prune(t);
    windows.set(userId, { start: t, written: 1, suppressed: 0 });
    return { write: true, notRecorded: w?.suppressed ?? 0 };
  }
  if (w.written < DENIALS_PER_WINDOW) {
    w.written += 1;
    return { write: true, notRecorded: 0 };
  }
  w.suppressed += 1;
  return { write: false, notRecorded: 0 };
}

function prune(t: number): void {
  for (const [id, w] of windows) if (t - w.start >= DENIAL_WINDOW_MS && w.suppressed === 0) windows.delete(id);
  if (windows.size >= MAX_TRACKED) windows.clear();
}
