import { describe, expect, it } from 'vitest';
import type { Challenge } from '../../../api/contract';
import { challengeReducer, endedNow, initialChallenge, mergeChallenge, readChallenge } from './challengeState';

function ch(progress: number, status: Challenge['status'] = 'running', id = 'ch_1', startsAt = '2026-11-24T12:00:00Z'): Challenge {
  return { challengeId: id, kind: 'gift-tokens', target: 5000, progress, startsAt, endsAt: '2026-11-24T12:05:00Z', status, rewardAction: null };
}

describe('the challenge state', () => {
  it('starts from the snapshot, null when the stream never had one', () => {
    expect(challengeReducer(initialChallenge, { type: 'snapshot', challenge: ch(10) }).challenge).toEqual(ch(10));
    expect(challengeReducer({ challenge: ch(10) }, { type: 'snapshot', challenge: null }).challenge).toBeNull();
  });

  it('follows challenge:update in order', () => {
    let state = challengeReducer(initialChallenge, { type: 'event', challenge: ch(100) });
    state = challengeReducer(state, { type: 'event', challenge: ch(3120) });
    state = challengeReducer(state, { type: 'event', challenge: ch(5000, 'completed') });
    expect(state.challenge).toMatchObject({ progress: 5000, status: 'completed' });
  });

  it('never lowers progress nor runs a finished challenge again', () => {
    let state = challengeReducer(initialChallenge, { type: 'event', challenge: ch(400, 'failed') });
    state = challengeReducer(state, { type: 'received', challenge: ch(300) });
    expect(state.challenge).toMatchObject({ progress: 400, status: 'failed' });
  });

  it('lets a newer challenge replace the last one, but not a stale copy of an older one', () => {
    const old = ch(400, 'failed', 'ch_1', '2026-11-24T12:00:00Z');
    const next = ch(0, 'running', 'ch_2', '2026-11-24T12:10:00Z');
    let state = challengeReducer({ challenge: old }, { type: 'received', challenge: next });
    expect(state.challenge?.challengeId).toBe('ch_2');
    state = challengeReducer(state, { type: 'received', challenge: old });
    expect(state.challenge?.challengeId).toBe('ch_2');
    expect(mergeChallenge(next, old, true).challengeId).toBe('ch_1'); // an event is the latest word
  });

  it('keeps the same state when nothing changed, and ignores what is not a challenge', () => {
    const state = { challenge: ch(10) };
    expect(challengeReducer(state, { type: 'received', challenge: ch(5) })).toBe(state);
    expect(challengeReducer(state, { type: 'event', challenge: { kind: 'reactions' } })).toBe(state);
  });

  it('reads kinds and statuses however they are spelled', () => {
    const read = readChallenge({ ...ch(1), kind: 'NewViewers', status: 'Completed', rewardAction: 'confetti' });
    expect(read).toMatchObject({ kind: 'new-viewers', status: 'completed', rewardAction: 'confetti' });
    expect(readChallenge({ ...ch(1), kind: 'sleeping' })).toBeNull();
  });

  it('tells when a running challenge just ended', () => {
    expect(endedNow(ch(4000), ch(5000, 'completed'))).toBe('completed');
    expect(endedNow(ch(4000), ch(4000, 'failed'))).toBe('failed');
    expect(endedNow(ch(5000, 'completed'), ch(5000, 'completed'))).toBeNull();
    expect(endedNow(null, ch(5000, 'completed'))).toBeNull();
    expect(endedNow(ch(1), ch(2))).toBeNull();
  });
});
