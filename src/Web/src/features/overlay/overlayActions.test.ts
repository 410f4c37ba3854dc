import { describe, expect, it } from 'vitest';
import type { OverlayTriggerEvent } from '../../api/contract';
import {
  initialOverlay,
  MIN_SHOWN_MS,
  nextOverlayTickAt,
  overlayReducer,
  readEffect,
  safeColor,
  type OverlayState,
} from './overlayActions';

let n = 0;
function trigger(action: string, params: Record<string, unknown> = {}): OverlayTriggerEvent {
  n++;
  return {
    type: 'overlay:trigger',
    streamId: 's_1',
    seq: n,
    at: '2026-11-24T12:00:00+00:00',
    triggerId: `t_${n}`,
    action,
    params,
    by: { userId: 'u_a', handle: 'ada' },
    giftCode: 'rocket',
    repeat: 1,
  };
}

const run = (state: OverlayState, event: OverlayTriggerEvent, now = 0) => overlayReducer(state, { type: 'trigger', event, now });

describe('overlay actions', () => {
  it('reads each action’s params, with the protocol’s bounds and defaults', () => {
    expect(readEffect('confetti', { color: '#FF00AA', intensity: 9, durationMs: 20_000 })).toEqual({
      action: 'confetti',
      color: '#ff00aa',
      intensity: 5,
      durationMs: 10_000,
    });
    expect(readEffect('confetti', {})).toEqual({ action: 'confetti', color: null, intensity: 3, durationMs: 3_000 });
    expect(readEffect('spotlight-message', { text: '  GG!  ' })).toMatchObject({ text: 'GG!' });
    expect(readEffect('theme-flash', { color: '#00ff00' })).toMatchObject({ color: '#00ff00' });
    expect(readEffect('sound-effect', { sound: 'tada', volume: 2 })).toEqual({ action: 'sound-effect', sound: 'tada', volume: 1 });
    expect(readEffect('slow-mo-chat', { seconds: 1 })).toEqual({ action: 'slow-mo-chat', seconds: 5 });
  });

  it('ignores unknown actions and params it cannot use', () => {
    expect(readEffect('rickroll', {})).toBeNull();
    expect(readEffect('spin-wheel', { segments: ['a', 'b'] })).toBeNull();
    expect(readEffect('spotlight-message', { text: '   ' })).toBeNull();
    expect(readEffect('theme-flash', { color: 'red; background: url(x)' })).toBeNull();
    expect(readEffect('sound-effect', { sound: 'scream' })).toBeNull();
    expect(run(initialOverlay, trigger('rickroll'))).toBe(initialOverlay);
  });

  it('lets only #rrggbb colours through', () => {
    expect(safeColor('#a1B2c3')).toBe('#a1b2c3');
    expect(safeColor('#abc')).toBeNull();
    expect(safeColor('javascript:alert(1)')).toBeNull();
    expect(safeColor(42)).toBeNull();
  });

  it('keeps every effect on screen at least 2 seconds', () => {
    const state = run(initialOverlay, trigger('theme-flash', { color: '#ff0000', durationMs: 500 }), 1_000);
    expect(state.active[0]?.until).toBe(1_000 + MIN_SHOWN_MS);
    expect(overlayReducer(state, { type: 'tick', now: 1_000 + MIN_SHOWN_MS - 1 })).toBe(state);
    expect(overlayReducer(state, { type: 'tick', now: 1_000 + MIN_SHOWN_MS }).active).toHaveLength(0);
  });

  it('runs different actions together and restarts the same action with the newer params', () => {
    let state = run(initialOverlay, trigger('confetti', { color: '#ff0000' }), 0);
    state = run(state, trigger('sound-effect', { sound: 'airhorn' }), 100);
    state = run(state, trigger('confetti', { color: '#00ff00' }), 200);

    expect(state.active.map((a) => a.effect.action).sort()).toEqual(['confetti', 'sound-effect']);
    const confetti = state.active.find((a) => a.effect.action === 'confetti');
    expect(confetti).toMatchObject({ id: `t_${n}`, startedAt: 200, effect: { color: '#00ff00' } });
  });

  it('shows spotlight messages one after another', () => {
    let state = run(initialOverlay, trigger('spotlight-message', { text: 'first', durationMs: 3_000 }), 0);
    state = run(state, trigger('spotlight-message', { text: 'second', durationMs: 3_000 }), 100);
    expect(state.active).toHaveLength(1);
    expect(state.queued).toHaveLength(1);

    state = overlayReducer(state, { type: 'tick', now: 3_000 });
    expect(state.active[0]).toMatchObject({ startedAt: 3_000, effect: { text: 'second' } });
    expect(state.queued).toHaveLength(0);
    expect(nextOverlayTickAt(state)).toBe(6_000);
  });

  it('keeps how many gifts a folded trigger stands for', () => {
    const event = { ...trigger('confetti'), repeat: 4 };
    expect(run(initialOverlay, event).active[0]?.repeat).toBe(4);
    expect(run(initialOverlay, trigger('confetti')).active[0]?.repeat).toBe(1);
  });

  it('never cuts a longer slow-mo short', () => {
    let state = run(initialOverlay, trigger('slow-mo-chat', { seconds: 60 }), 0);
    state = run(state, trigger('slow-mo-chat', { seconds: 5 }), 1_000);
    expect(state.active).toHaveLength(1);
    expect(state.active[0]?.until).toBe(60_000);
  });
});
