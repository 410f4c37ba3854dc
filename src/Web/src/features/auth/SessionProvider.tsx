import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { RestClient } from '../../api/rest';
import type { DevLoginRequest, DevLoginResponse } from '../../api/contract';
import { SessionContext, type SessionContextValue } from './sessionContext';
import { isSessionKey, loadSession, msUntilExpiry, saveSession, sessionFrom, sessionToken, type Session } from './sessionStorage';

// setTimeout takes at most a signed 32-bit delay.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Holds the session (in localStorage `lsx.session`) and the REST client that sends its token. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(loadSession);

  const update = useCallback((next: Session | null) => {
    saveSession(next);
    setSession(next);
  }, []);

  const signOut = useCallback(() => update(null), [update]);

  const api = useMemo(
    // The session's token, read per request: loading or saving a session sets it.
    () => new RestClient({ getToken: sessionToken, onUnauthorized: signOut }),
    [signOut],
  );

  const signIn = useCallback(
    async (request: DevLoginRequest) => {
      const next = sessionFrom(await api.devLogin(request));
      update(next);
      return next;
    },
    [api, update],
  );

  const adopt = useCallback(
    (signedIn: DevLoginResponse) => {
      const next = sessionFrom(signedIn);
      update(next);
      return next;
    },
    [update],
  );

  const resuming = useRef<Promise<Session | null> | null>(null);
  const resume = useCallback(() => {
    resuming.current ??= api.refreshSession().then(
      (signedIn) => adopt(signedIn),
      () => null,
    ).finally(() => {
      resuming.current = null;
    });
    return resuming.current;
  }, [api, adopt]);

  // Sign out when the token expires.
  useEffect(() => {
    if (!session) {
      return;
    }
    const ms = msUntilExpiry(session);
    if (ms > MAX_TIMER_MS) {
      return;
    }
    const timer = setTimeout(signOut, Math.max(0, ms));
    return () => clearTimeout(timer);
  }, [session, signOut]);

  // Follow sign-ins and sign-outs made in other tabs.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (isSessionKey(event.key)) {
        const next = loadSession();
        setSession(next);
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const value = useMemo<SessionContextValue>(() => ({ session, api, signIn, signOut, adopt, resume }), [session, api, signIn, signOut, adopt, resume]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
