import { describe, expect, it } from 'vitest';
import type { OverlayTriggerEvent, WheelCommitEvent, WheelResultEvent } from '../../../api/contract';
import { commitmentOf, initialWheel, wheelReducer, type WheelState } from './wheelRounds';

const base = { streamId: 's_1', at: '2026-11-24T12:00:00+00:00' };

const commit = (roundId: number, seedHash: string): WheelCommitEvent => ({ ...base, type: 'wheel:commit', seq: 1, roundId, seedHash });

const spin = (roundId: number, segmentIndex: number, extra: Record<string, unknown> = {}): OverlayTriggerEvent => ({
  ...base,
  type: 'overlay:trigger',
  seq: 2,
  triggerId: `t_${roundId}`,
  action: 'spin-wheel',
  params: { segments: ['x2', 'dance', 'song'], roundId, seedHash: 'aa', segmentIndex, ...extra },
  by: { userId: 'u_a', handle: 'ada' },
  giftCode: 'wheel',
  repeat: 1,
});

const result = (roundId: number, seedHash = 'aa'): WheelResultEvent => ({
  ...base,
  type: 'wheel:result',
  seq: 3,
  roundId,
  seed: '00'.repeat(32),
  seedHash,
  giftEventId: 'u_a:1',
  segments: ['x2', 'dance', 'song'],
  segmentIndex: 1,
});

describe('wheel rounds', () => {
  it('matches the spin and its result by round, and prefers the commitment seen before', () => {
    let state: WheelState = wheelReducer(initialWheel, { type: 'commit', event: commit(4, 'committed') });
    state = wheelReducer(state, { type: 'spin', event: spin(4, 1), animate: true });
    state = wheelReducer(state, { type: 'result', event: result(4) });

    expect(state.current).toMatchObject({ roundId: '4', spin: { segmentIndex: 1, animate: true }, result: { seed: '00'.repeat(32) } });
    expect(commitmentOf(state, state.current!)).toEqual({ seedHash: 'committed', source: 'commit' });
  });

  it('falls back to the spin’s hash, then the result’s, when the commitment was not seen', () => {
    let state = wheelReducer(initialWheel, { type: 'spin', event: spin(5, 0), animate: true });
    expect(commitmentOf(state, state.current!)).toEqual({ seedHash: 'aa', source: 'spin' });

    state = wheelReducer(initialWheel, { type: 'result', event: result(6, 'echoed') });
    expect(state.current?.spin).toBeNull();
    expect(commitmentOf(state, state.current!)).toEqual({ seedHash: 'echoed', source: 'result' });
  });

  it('ignores spins it cannot draw', () => {
    expect(wheelReducer(initialWheel, { type: 'spin', event: spin(1, 7), animate: true })).toBe(initialWheel);
    expect(wheelReducer(initialWheel, { type: 'spin', event: spin(1, 0, { segments: ['one'] }), animate: true })).toBe(initialWheel);
    expect(wheelReducer(initialWheel, { type: 'spin', event: spin(1, 0, { segments: 'x' }), animate: true })).toBe(initialWheel);
  });

  it('replaces the round on screen with the next one', () => {
    let state = wheelReducer(initialWheel, { type: 'spin', event: spin(1, 0), animate: true });
    state = wheelReducer(state, { type: 'result', event: result(1) });
    state = wheelReducer(state, { type: 'spin', event: spin(2, 2), animate: true });
    expect(state.current).toMatchObject({ roundId: '2', result: null });
  });
});
