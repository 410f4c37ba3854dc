import { useEffect, useState, type ReactNode } from 'react';
import { LiveConnection } from '../api/hub';
import { useSession } from '../features/auth/sessionContext';
import { sessionToken } from '../features/auth/sessionStorage';
import { LiveContext } from './liveContext';

/**
 * Keeps one hub connection for the app, rebuilt when the user signs in or out. Every (re)connect reads the current,
 * refreshed token; the server closes a connection whose token expired, and the reconnect resumes by seq.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const userId = session?.user.id ?? null;
  const [live] = useState(() => new LiveConnection({ accessTokenFactory: sessionToken, identity: userId }));

  useEffect(() => {
    live.setIdentity(userId);
  }, [live, userId]);

  useEffect(() => {
    live.start();
    return () => void live.stop();
  }, [live]);

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}
