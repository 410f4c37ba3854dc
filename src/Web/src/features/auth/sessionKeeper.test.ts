import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionKeeper } from './sessionKeeper';
import { sessionToken } from './sessionStorage';

const user = { id: 'u_1', handle: 'alice', role: 'viewer', createdAt: '2026-01-01T00:00:00Z' };

function signedIn(token: string, minutes = 10): Response {
  const expiresAt = new Date(Date.now() + minutes * 60_000).toISOString();
  return Response.json({ accessToken: token, expiresAt, user });
}

function unauthorized(): Response {
  return Response.json({ status: 401, code: 'unauthorized', title: 'No session: sign in.' }, {
    status: 401,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

describe('the session keeper', () => {
  const calls: string[] = [];
  let answers: (() => Response)[] = [];

  beforeEach(() => {
    vi.useFakeTimers();
    calls.length = 0;
    answers = [];
    vi.stubGlobal('fetch', (request: Request) => {
      calls.push(`${request.method} ${new URL(request.url).pathname}`);
      return Promise.resolve((answers.shift() ?? unauthorized)());
    });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('gets a new page its token from the refresh cookie, and keeps it in memory only', async () => {
    answers.push(() => signedIn('t1'));
    const keeper = new SessionKeeper('http://lsx.test');
    keeper.start();
    await vi.waitFor(() => expect(keeper.getSnapshot().ready).toBe(true));

    expect(calls).toEqual(['POST /api/auth/refresh']);
    expect(keeper.getSnapshot().session?.accessToken).toBe('t1');
    expect(sessionToken()).toBe('t1');
  });

  it('is signed out when there is no session', async () => {
    const keeper = new SessionKeeper('http://lsx.test');
    keeper.start();
    await vi.waitFor(() => expect(keeper.getSnapshot().ready).toBe(true));
    expect(keeper.getSnapshot().session).toBeNull();
  });

  it('refreshes a minute before the token expires', async () => {
    answers.push(() => signedIn('t1'), () => signedIn('t2'));
    const keeper = new SessionKeeper('http://lsx.test');
    keeper.start();
    await vi.waitFor(() => expect(keeper.getSnapshot().session?.accessToken).toBe('t1'));

    await vi.advanceTimersByTimeAsync(8 * 60_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(calls).toEqual(['POST /api/auth/refresh', 'POST /api/auth/refresh']);
    expect(keeper.getSnapshot().session?.accessToken).toBe('t2');
  });

  it('sends one refresh for callers asking at once, never two with the same cookie', async () => {
    answers.push(() => signedIn('t1'));
    const keeper = new SessionKeeper('http://lsx.test');
    const [a, b] = await Promise.all([keeper.refresh(), keeper.refresh()]);
    expect(calls).toHaveLength(1);
    expect(a).toBe(b);
  });

  it('signs out at once and ends the session on the server', async () => {
    answers.push(() => signedIn('t1'), () => new Response(null, { status: 204 }));
    const keeper = new SessionKeeper('http://lsx.test');
    keeper.start();
    await vi.waitFor(() => expect(keeper.getSnapshot().session).not.toBeNull());

    keeper.signOut();
    expect(keeper.getSnapshot().session).toBeNull();
    expect(sessionToken()).toBeNull();
    await vi.waitFor(() => expect(calls).toContain('POST /api/auth/logout'));
  });
});
