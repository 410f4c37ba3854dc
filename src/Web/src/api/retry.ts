// Retrying one idempotent request, unchanged, across a dropped connection. Pure: the caller supplies how to
// wait for the connection and how to tell failures apart, so the policy is tested without a network.

/** How a failed attempt may be retried. */
export type FailureKind =
  /** The connection went away: the request may or may not have reached the server. Retry once it is back. */
  | 'connection'
  /** The server did not answer in time (`unavailable`): retry after a short pause. */
  | 'transient'
  /** The server answered no (`insufficient_funds`, …): retrying the same request cannot help. */
  | 'final';

export interface RetryDeps {
  /** Resolves true once connected (at once if already), false if `timeoutMs` passes or `signal` aborts first. */
  waitForConnection(timeoutMs: number, signal?: AbortSignal): Promise<boolean>;
  /** Resolves after `ms`, or rejects when `signal` aborts. */
  delay(ms: number, signal?: AbortSignal): Promise<void>;
  now(): number;
}

export interface RetryPolicy {
  /** Give up (rethrowing the last failure) this long after the first attempt. */
  deadlineMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The pause before retrying a transient failure. */
  transientDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { deadlineMs: 45_000, maxAttempts: 5, transientDelayMs: 1_000 };

export interface RetryOptions {
  signal?: AbortSignal;
  /** Called each time the request waits for the connection to come back. */
  onWaiting?: () => void;
  /** Called when it is sent again after waiting. */
  onRetrying?: () => void;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * Runs `attempt` until it succeeds, retrying the very same request after a connection failure (once connected
 * again) or a transient one, within the policy's attempts and deadline. The request must be idempotent: a retry
 * after a lost answer is exactly what makes it safe to resend.
 */
export async function retrySameRequest<T>(
  attempt: () => Promise<T>,
  classify: (error: unknown) => FailureKind,
  deps: RetryDeps,
  { signal, onWaiting, onRetrying }: RetryOptions = {},
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<T> {
  const deadline = deps.now() + policy.deadlineMs;
  for (let attempts = 1; ; attempts++) {
    if (signal?.aborted) {
      throw abortError(signal);
    }
    try {
      return await attempt();
    } catch (error) {
      const kind = classify(error);
      const remaining = deadline - deps.now();
      if (kind === 'final' || attempts >= policy.maxAttempts || remaining <= 0) {
        throw error;
      }
      if (kind === 'connection') {
        onWaiting?.();
        if (!(await deps.waitForConnection(remaining, signal))) {
          if (signal?.aborted) {
            throw abortError(signal);
          }
          throw error;
        }
      } else {
        await deps.delay(Math.min(policy.transientDelayMs, remaining), signal);
      }
      onRetrying?.();
    }
  }
}
