import type { SignedIn, User } from '../../api/contract';

/**
 * A signed-in user and the short access token that proves it. It lives in memory only: a new page gets its own
 * from `POST /api/auth/refresh`, whose refresh token is an httpOnly cookie script never sees.
 */
export interface Session {
  accessToken: string;
  expiresAt: string;
  user: User;
}

/** Refresh this long before the access token expires, so no request goes out with an expired one. */
export const REFRESH_AHEAD_MS = 60_000;

export function sessionFrom(response: SignedIn): Session {
  return { accessToken: response.accessToken, expiresAt: response.expiresAt, user: response.user };
}

/** Milliseconds until the session expires (negative once it has). */
export function msUntilExpiry(session: Session, now = Date.now()): number {
  const expires = Date.parse(session.expiresAt);
  return Number.isNaN(expires) ? Number.POSITIVE_INFINITY : expires - now;
}

/** When to refresh: a minute before expiry, or halfway through a token shorter than two minutes. */
export function msUntilRefresh(session: Session, now = Date.now()): number {
  const left = msUntilExpiry(session, now);
  return Math.max(0, left - REFRESH_AHEAD_MS, left / 2);
}

// The current access token, for the REST client and the hub to read on every request and connection.
let currentToken: string | null = null;

/** The access token requests send: the session's last set here. */
export function sessionToken(): string | null {
  return currentToken;
}

export function setSessionToken(session: Session | null): void {
  currentToken = session?.accessToken ?? null;
}

/** Creators and admins may run a studio. */
export function canCreate(session: Session | null): boolean {
  return session?.user.role === 'creator' || session?.user.role === 'admin';
}
