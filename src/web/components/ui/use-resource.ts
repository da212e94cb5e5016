import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client.js';

export interface Resource<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  /** Fetches again (after a change, or when the user asks). */
  reload: () => void;
}

/** GETs a JSON resource; `path` null means "not yet" (nothing is fetched). */
export function useResource<T>(path: string | null, lang?: string): Resource<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: path !== null,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    api<T>(path, { lang })
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((e: unknown) => {
        if (!live) return;
        const error = e instanceof ApiError ? e : new ApiError(0, 'network', String(e));
        setState({ data: null, error, loading: false });
      });
    return () => {
      live = false;
    };
  }, [path, lang, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
