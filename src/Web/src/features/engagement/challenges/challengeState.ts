// The stream's challenge as the page knows it: the join snapshot's `challenge` (or a REST fetch when the snapshot
// lacks the field), `challenge:update` events in seq order, and the answer to the host's `challenge:start`. Pure.
//
// Progress only goes up and a finished challenge never runs again, so copies merge safely in any order: for the same
// challenge the larger progress and the final status win; another challenge replaces it only if it started later.

import { CHALLENGE_KINDS, type Challenge, type ChallengeStatus } from '../../../api/contract';
import { count, isRecord, oneOf, str, timeOf } from '../../../lib/read';

const STATUSES: readonly ChallengeStatus[] = ['running', 'completed', 'failed'];

export interface ChallengeState {
  challenge: Challenge | null;
}

export type ChallengeAction =
  | { type: 'reset' }
  /** The join snapshot's `challenge` (null: the stream never had one). Replaces the view. */
  | { type: 'snapshot'; challenge: unknown }
  /** A `challenge:update`, in seq order. */
  | { type: 'event'; challenge: unknown }
  /** From outside the event order (REST, the answer to `challenge:start`). */
  | { type: 'received'; challenge: unknown };

export const initialChallenge: ChallengeState = { challenge: null };

/** A challenge from the wire, or null when it is not one. */
export function readChallenge(raw: unknown): Challenge | null {
  if (!isRecord(raw)) {
    return null;
  }
  const challengeId = str(raw.challengeId);
  const kind = oneOf(CHALLENGE_KINDS, raw.kind);
  const status = oneOf(STATUSES, raw.status);
  if (!challengeId || !kind || !status) {
    return null;
  }
  const rewardAction = str(raw.rewardAction);
  return {
    challengeId,
    kind,
    target: Math.max(1, count(raw.target)),
    progress: count(raw.progress),
    startsAt: str(raw.startsAt) ?? '',
    endsAt: str(raw.endsAt) ?? '',
    status,
    rewardAction: rewardAction ?? null,
  };
}

/** Folds a copy of a challenge into the one the page has (see the file's note). */
export function mergeChallenge(current: Challenge | null, incoming: Challenge, ordered: boolean): Challenge {
  if (!current) {
    return incoming;
  }
  if (current.challengeId !== incoming.challengeId) {
    // In seq order the newer one is the one that came; out of band, the one that started later.
    const later = (timeOf(incoming.startsAt) || 0) >= (timeOf(current.startsAt) || 0);
    return ordered || later ? incoming : current;
  }
  const status = current.status !== 'running' ? current.status : incoming.status;
  return { ...current, ...incoming, progress: Math.max(current.progress, incoming.progress), status };
}

/** `completed` or `failed` when `next` is the end of the challenge `previous` was running; else null. */
export function endedNow(previous: Challenge | null, next: Challenge | null): Exclude<ChallengeStatus, 'running'> | null {
  if (!next || next.status === 'running') {
    return null;
  }
  return previous?.challengeId === next.challengeId && previous.status === 'running' ? next.status : null;
}

export function challengeReducer(state: ChallengeState, action: ChallengeAction): ChallengeState {
  switch (action.type) {
    case 'reset':
      return initialChallenge;
    case 'snapshot':
      return { challenge: readChallenge(action.challenge) };
    case 'event':
    case 'received': {
      const incoming = readChallenge(action.challenge);
      if (!incoming) {
        return state;
      }
      const challenge = mergeChallenge(state.challenge, incoming, action.type === 'event');
      const same =
        state.challenge &&
        state.challenge.challengeId === challenge.challengeId &&
        state.challenge.progress === challenge.progress &&
        state.challenge.status === challenge.status &&
        state.challenge.endsAt === challenge.endsAt;
      return same ? state : { challenge };
    }
  }
}
