import { describe, expect, it } from 'vitest';
import { retrySameRequest, type FailureKind, type RetryDeps } from './retry';

class Failure extends Error {
  constructor(readonly kind: FailureKind) {
    super(kind);
  }
}

const classify = (error: unknown): FailureKind => (error instanceof Failure ? error.kind : 'final');

/** A clock that moves only when the code under test waits. */
function fakeDeps(options: { reconnects?: boolean; reconnectAfterMs?: number } = {}) {
  let now = 0;
  const calls = { waits: 0, delays: [] as number[] };
  const deps: RetryDeps = {
    now: () => now,
    waitForConnection: async (timeoutMs) => {
      calls.waits++;
      const after = options.reconnectAfterMs ?? 100;
      if (options.reconnects === false || after > timeoutMs) {
        now += timeoutMs;
        return false;
      }
      now += after;
      return true;
    },
    delay: async (ms) => {
      calls.delays.push(ms);
      now += ms;
    },
  };
  return { deps, calls };
}

/** An attempt that fails with the given kinds in turn, then succeeds, recording the request it sent. */
function scripted(failures: FailureKind[], request: { key: string }) {
  const sent: string[] = [];
  const attempt = async () => {
    sent.push(request.key);
    const next = failures.shift();
    if (next) {
      throw new Failure(next);
    }
    return `receipt for ${request.key}`;
  };
  return { attempt, sent };
}

describe('retrying one idempotent request', () => {
  it('sends the same request again once the connection is back', async () => {
    const { deps, calls } = fakeDeps();
    const { attempt, sent } = scripted(['connection'], { key: 'k_1234567890' });
    let waiting = 0;

    const result = await retrySameRequest(attempt, classify, deps, { onWaiting: () => waiting++ });

    expect(result).toBe('receipt for k_1234567890');
    expect(sent).toEqual(['k_1234567890', 'k_1234567890']);
    expect(calls.waits).toBe(1);
    expect(waiting).toBe(1);
  });

  it('does not retry what the server refused', async () => {
    const { deps } = fakeDeps();
    const { attempt, sent } = scripted(['final'], { key: 'k_1' });

    await expect(retrySameRequest(attempt, classify, deps)).rejects.toMatchObject({ kind: 'final' });
    expect(sent).toHaveLength(1);
  });

  it('retries a transient failure after a pause', async () => {
    const { deps, calls } = fakeDeps();
    const { attempt, sent } = scripted(['transient', 'transient'], { key: 'k_1' });

    await retrySameRequest(attempt, classify, deps, {}, { deadlineMs: 10_000, maxAttempts: 5, transientDelayMs: 500 });

    expect(sent).toHaveLength(3);
    expect(calls.delays).toEqual([500, 500]);
  });

  it('gives up with the connection failure when the connection does not come back in time', async () => {
    const { deps } = fakeDeps({ reconnects: false });
    const { attempt, sent } = scripted(['connection'], { key: 'k_1' });

    await expect(retrySameRequest(attempt, classify, deps)).rejects.toMatchObject({ kind: 'connection' });
    expect(sent).toHaveLength(1);
  });

  it('stops after the policy’s number of attempts', async () => {
    const { deps } = fakeDeps();
    const { attempt, sent } = scripted(['connection', 'connection', 'connection', 'connection'], { key: 'k_1' });

    await expect(
      retrySameRequest(attempt, classify, deps, {}, { deadlineMs: 60_000, maxAttempts: 3, transientDelayMs: 1 }),
    ).rejects.toMatchObject({ kind: 'connection' });
    expect(sent).toHaveLength(3);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const { deps } = fakeDeps();
    const attempt = async () => {
      controller.abort();
      throw new Failure('connection');
    };
    deps.waitForConnection = async () => false;

    await expect(retrySameRequest(attempt, classify, deps, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
