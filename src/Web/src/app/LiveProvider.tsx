import { useEffect, useState, type ReactNode } from 'react';
import { LiveConnection } from '../api/hub';
import { useSession } from '../features/auth/sessionContext';
import { LiveContext } from './liveContext';

/** Keeps one hub connection for the app, rebuilt with the new token whenever the user signs in or out. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const token = session?.accessToken ?? null;
  const [live] = useState(() => new LiveConnection({ accessToken: token }));

  useEffect(() => {
    live.setAccessToken(token);
  }, [live, token]);

  useEffect(() => {
    live.start();
    return () => void live.stop();
  }, [live]);

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}
