import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { SessionContext, type SessionContextValue } from './sessionContext';
import { SessionKeeper } from './sessionKeeper';

/**
 * Holds the session (in memory: see SessionKeeper) and the REST client that sends its token. The app renders once
 * the page's first refresh answered, so no view starts signed out and then flips.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [keeper] = useState(() => new SessionKeeper());
  useEffect(() => keeper.start(), [keeper]);
  const { session, ready } = useSyncExternalStore(keeper.subscribe, keeper.getSnapshot);

  const value = useMemo<SessionContextValue>(
    () => ({ session, api: keeper.api, signIn: keeper.signIn, signOut: keeper.signOut }),
    [keeper, session],
  );
  return (
    <SessionContext.Provider value={value}>
      {ready ? children : <div className="session-loading" aria-busy="true" data-testid="session-loading" />}
    </SessionContext.Provider>
  );
}
