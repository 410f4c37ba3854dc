import type { DevLoginResponse, Role, User } from '../../api/contract';

/** A signed-in user and the bearer token that proves it. */
export interface Session {
  accessToken: string;
  expiresAt: string;
  user: User;
}

const KEY = 'lsx.session';
const ROLES: readonly Role[] = ['viewer', 'creator', 'admin'];

export function sessionFrom(response: DevLoginResponse): Session {
  return { accessToken: response.accessToken, expiresAt: response.expiresAt, user: response.user };
}

/** Milliseconds until the session expires (negative once it has). */
export function msUntilExpiry(session: Session, now = Date.now()): number {
  const expires = Date.parse(session.expiresAt);
  return Number.isNaN(expires) ? Number.POSITIVE_INFINITY : expires - now;
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { accessToken, expiresAt, user } = value as Partial<Session>;
  return (
    typeof accessToken === 'string' &&
    typeof expiresAt === 'string' &&
    typeof user === 'object' &&
    user !== null &&
    typeof user.id === 'string' &&
    typeof user.handle === 'string' &&
    ROLES.includes(user.role)
  );
}

/** Reads `raw` (the stored JSON) into a session that has not expired, or null. */
export function parseSession(raw: string | null): Session | null {
  if (!raw) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(raw);
    return isSession(value) && msUntilExpiry(value) > 0 ? value : null;
  } catch {
    return null;
  }
}

// The token of the session last loaded or saved, kept in memory too: where storage is blocked, it still signs the
// page's requests.
let currentToken: string | null = null;

/** The access token requests send: the session's last loaded or saved here. */
export function sessionToken(): string | null {
  return currentToken;
}

export function loadSession(): Session | null {
  let session: Session | null = null;
  try {
    session = parseSession(localStorage.getItem(KEY));
  } catch {
    // storage blocked (privacy mode): stay signed out
  }
  currentToken = session?.accessToken ?? null;
  return session;
}

export function saveSession(session: Session | null): void {
  currentToken = session?.accessToken ?? null;
  try {
    if (session) {
      localStorage.setItem(KEY, JSON.stringify(session));
    } else {
      localStorage.removeItem(KEY);
    }
  } catch {
    // Storage blocked: the session lasts as long as the page.
  }
}

/** Whether a storage event is about the session (another tab signed in or out). */
export function isSessionKey(key: string | null): boolean {
  return key === KEY || key === null;
}

/** Creators and admins may run a studio. */
export function canCreate(session: Session | null): boolean {
  return session?.user.role === 'creator' || session?.user.role === 'admin';
}
