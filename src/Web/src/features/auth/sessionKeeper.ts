import { ApiError } from '../../api/errors';
import { RestClient } from '../../api/rest';
import type { DevLoginRequest } from '../../api/contract';
import { msUntilExpiry, msUntilRefresh, sessionFrom, setSessionToken, type Session } from './sessionStorage';

// setTimeout takes at most a signed 32-bit delay.
const MAX_TIMER_MS = 2 ** 31 - 1;
// A refresh that failed for want of a connection is tried again this often while the token still works.
const RETRY_MS = 5_000;
// Tabs refresh one at a time: two refreshes with the same cookie would look like a stolen token to the server,
// which then ends the session.
const REFRESH_LOCK = 'lsx.refresh';
const CHANNEL = 'lsx.session';

type SessionMessage = { type: 'session'; session: Session } | { type: 'signed-out' };

/** What the provider renders from: the session, and whether the page's first refresh has answered. */
export interface SessionState {
  session: Session | null;
  ready: boolean;
}

function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Partial<Navigator>).locks;
  return locks ? (locks.request(REFRESH_LOCK, work) as Promise<T>) : work();
}

/**
 * The session in memory (never in storage): a page starts by asking `POST /api/auth/refresh` for an access token
 * (the refresh token is an httpOnly cookie script never sees), refreshes a minute before the token expires, and
 * tells the page's other tabs about sign-ins, refreshes and sign-outs.
 */
export class SessionKeeper {
  readonly api: RestClient;
  private state: SessionState = { session: null, ready: false };
  private readonly listeners = new Set<() => void>();
  private inFlight: Promise<Session | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private channel: BroadcastChannel | null = null;

  constructor(baseUrl?: string) {
    this.api = new RestClient({
      baseUrl,
      getToken: () => this.state.session?.accessToken ?? null,
      // A 401 on a request that carried a token: it ended early (a clock off, a key retired): refresh.
      onUnauthorized: () => void this.refresh().catch(() => null),
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SessionState => this.state;

  /** Listens to the other tabs and gets this page its token; returns the function that stops both. */
  start(): () => void {
    if (typeof BroadcastChannel !== 'undefined') {
      const channel = new BroadcastChannel(CHANNEL);
      channel.onmessage = (event: MessageEvent<SessionMessage>) =>
        this.adopt(event.data.type === 'session' ? event.data.session : null, false);
      this.channel = channel;
    }
    this.refresh()
      .catch(() => null)
      .finally(() => this.set({ ...this.state, ready: true }));
    return () => {
      clearTimeout(this.timer);
      this.channel?.close();
      this.channel = null;
    };
  }

  /** A new access token for the refresh cookie; null when there is no session (any more). One at a time across tabs. */
  refresh(): Promise<Session | null> {
    const before = this.state.session;
    this.inFlight ??= withRefreshLock(async () => {
      // Another tab may have refreshed while this one waited for the lock: its token serves this tab too.
      const known = this.state.session;
      if (known && known !== before && msUntilRefresh(known) > 0) {
        return known;
      }
      try {
        const next = sessionFrom(await this.api.refresh());
        this.adopt(next, true);
        return next;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'unauthorized') {
          this.adopt(null, false);
          return null;
        }
        throw error;
      }
    }).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Signs in by handle; rejects with ApiError (400 field errors, 404 when dev-login is off, 409 conflict). */
  readonly signIn = async (request: DevLoginRequest): Promise<Session> => {
    const next = sessionFrom(await this.api.devLogin(request));
    this.adopt(next, true);
    return next;
  };

  readonly signOut = (): void => {
    this.adopt(null, true);
    this.api.logout().catch(() => {
      // Signed out here either way; the session then ends by itself when its cookie expires.
    });
  };

  private adopt(session: Session | null, tellOtherTabs: boolean): void {
    setSessionToken(session);
    this.set({ ...this.state, session });
    if (tellOtherTabs) {
      this.channel?.postMessage((session ? { type: 'session', session } : { type: 'signed-out' }) satisfies SessionMessage);
    }
    this.schedule(session ? msUntilRefresh(session) : null);
  }

  // Refresh ahead of expiry; a failed attempt is retried while the token lasts, then the session is over.
  private schedule(ms: number | null): void {
    clearTimeout(this.timer);
    if (ms === null) {
      return;
    }
    this.timer = setTimeout(() => {
      this.refresh().catch(() => {
        const left = this.state.session ? msUntilExpiry(this.state.session) : 0;
        if (left > 0) {
          this.schedule(Math.min(RETRY_MS, left));
        } else {
          this.adopt(null, false);
        }
      });
    }, Math.min(MAX_TIMER_MS, ms));
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of [...this.listeners]) {
      listener();
    }
  }
}
