import { createContext, useContext } from 'react';
import type { RestClient } from '../../api/rest';
import type { DevLoginRequest, DevLoginResponse } from '../../api/contract';
import type { Session } from './sessionStorage';

export interface SessionContextValue {
  session: Session | null;
  /** The REST client, sending the current session's token. */
  api: RestClient;
  /** Signs in by handle; rejects with ApiError (400 field errors, 409 conflict). */
  signIn(request: DevLoginRequest): Promise<Session>;
  signOut(): void;
  /** Takes the session a sign-in answered with (the handle picker's). */
  adopt(signedIn: DevLoginResponse): Session;
  /**
   * Trades the refresh cookie for a session (after a provider sign-in); concurrent calls share one request, since a
   * refresh token used twice ends the whole session. Null when there is no session to resume.
   */
  resume(): Promise<Session | null>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSession must be used inside <SessionProvider>.');
  }
  return value;
}
