import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.js';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  /** Loads again (after a change, or when the user asks). */
  reload: () => void;
  /** Changes the data shown until the next answer (an update shown at once). */
  setData: (update: (data: T | null) => T | null) => void;
}

/**
 * Runs `load` when one of `deps` changes and on `reload`; `load` null means "not yet" (nothing runs).
 * An answer that arrives after the inputs changed is dropped. With `clear`, the data shown before goes
 * away while loading; without it, it stays until the new answer replaces it.
 */
export function useLoaded<T>(
  load: (() => Promise<T>) | null,
  deps: readonly unknown[],
  { clear = false }: { clear?: boolean } = {},
): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (load === null) return;
    let live = true;
    if (clear) setData(null);
    setError(null);
    load()
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e))));
    return () => {
      live = false;
    };
  }, [...deps, load === null, tick]);
  return { data, error, reload: () => setTick((n) => n + 1), setData };
}
