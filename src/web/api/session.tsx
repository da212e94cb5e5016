import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Me } from '../../server/routes/accounts/users.schemas.js';
import { api, ApiError, setCsrfToken } from './client.js';

export type { Me };

interface SessionValue {
  me: Me | null;
  loading: boolean;
  signIn: (email: string, password: string, lang: string) => Promise<Me>;
  signOut: (everywhere?: boolean) => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    api<Me>('/api/auth/me')
      .then((m) => {
        setCsrfToken(m.csrfToken);
        setMe(m);
      })
      .catch((e: unknown) => {
        if (!(e instanceof ApiError)) console.error(e);
      })
      .finally(() => setLoading(false));
  }, []);
  const signIn = useCallback(async (email: string, password: string, lang: string) => {
    const m = await api<Me>('/api/auth/login', { method: 'POST', body: { email, password }, lang });
    setCsrfToken(m.csrfToken);
    setMe(m);
    return m;
  }, []);
  const signOut = useCallback(async (everywhere = false) => {
    await api(everywhere ? '/api/auth/logout-everywhere' : '/api/auth/logout', { method: 'POST' });
    setCsrfToken(null);
    setMe(null);
  }, []);
  return <SessionContext.Provider value={{ me, loading, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
