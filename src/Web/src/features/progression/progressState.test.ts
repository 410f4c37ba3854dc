import { describe, expect, it } from 'vitest';
import type { BadgeEarnedEvent, LevelUpEvent, Progress, ProgressChange } from '../../api/contract';
import { initialProgress, MAX_TOASTS, progressReducer, type ProgressState } from './progressState';

const me = 'u_me';

function progress(patch: Partial<Progress> = {}): Progress {
  return { userId: me, xp: 310, level: 3, xpForNextLevel: 519, badges: [], stats: {}, creatorXp: 0, creatorLevel: 1, ...patch };
}

function change(patch: Partial<ProgressChange> = {}, p: Partial<Progress> = {}): ProgressChange {
  return { xpGained: 10, levelReached: null, badgesEarned: [], progress: progress(p), ...patch };
}

const levelUp = (level: number, xp: number, xpForNextLevel: number, userId = me): LevelUpEvent => ({
  type: 'level:up',
  userId,
  at: '',
  level,
  xp,
  xpForNextLevel,
});

const badge = (code: string, userId = me): BadgeEarnedEvent => ({
  type: 'badge:earned',
  userId,
  at: '',
  badge: code,
  name: 'First Gift',
  description: 'Sent a first gift.',
});

function run(...actions: Parameters<typeof progressReducer>[1][]): ProgressState {
  return actions.reduce(progressReducer, initialProgress(me));
}

describe('my progression', () => {
  it('loads, then follows heartbeat answers', () => {
    const state = run({ type: 'loaded', progress: progress() }, { type: 'change', change: change({}, { xp: 320 }), toast: true });
    expect(state.progress).toMatchObject({ xp: 320, level: 3, xpForNextLevel: 519 });
    expect(state.toasts).toEqual([]);
  });

  it('never goes back to an older reading', () => {
    const state = run(
      { type: 'event', event: levelUp(4, 520, 800) },
      { type: 'loaded', progress: progress({ xp: 310 }) }, // a GET that left before the level
    );
    expect(state.progress).toMatchObject({ xp: 520, level: 4, xpForNextLevel: 800 });
  });

  it('toasts a level once, whether the heartbeat or level:up tells it first', () => {
    const state = run(
      { type: 'change', change: change({ levelReached: 4 }, { xp: 520, level: 4, xpForNextLevel: 800 }), toast: true },
      { type: 'event', event: levelUp(4, 520, 800) },
    );
    expect(state.toasts).toEqual([{ key: 'level:4', kind: 'level-up', level: 4 }]);
  });

  it('adds an earned badge and toasts it with its name and description', () => {
    const state = run({ type: 'loaded', progress: progress() }, { type: 'event', event: badge('first-gift') }, { type: 'event', event: badge('first-gift') });
    expect(state.progress?.badges).toEqual(['first-gift']);
    expect(state.toasts).toHaveLength(1);
    expect(state.toasts[0]).toMatchObject({ kind: 'badge', badge: { code: 'first-gift', name: 'First Gift', icon: '🎁' } });
  });

  it('keeps badges a later, older reading lacks', () => {
    const state = run({ type: 'event', event: badge('chatterbox') }, { type: 'loaded', progress: progress({ badges: ['first-gift'] }) });
    expect(state.progress?.badges).toEqual(expect.arrayContaining(['first-gift']));
  });

  it('ignores someone else’s events and readings', () => {
    const state = run({ type: 'event', event: levelUp(9, 2263, 2700, 'u_other') }, { type: 'loaded', progress: progress({ userId: 'u_other' }) });
    expect(state.progress).toBeNull();
    expect(state.toasts).toEqual([]);
  });

  it('dismisses toasts, keeps the newest few, and starts over for another user', () => {
    let state = initialProgress(me);
    for (let level = 2; level < 2 + MAX_TOASTS + 2; level++) {
      state = progressReducer(state, { type: 'event', event: levelUp(level, level * 1000, level * 1000 + 500) });
    }
    expect(state.toasts).toHaveLength(MAX_TOASTS);
    state = progressReducer(state, { type: 'dismiss', key: state.toasts[0]!.key });
    expect(state.toasts).toHaveLength(MAX_TOASTS - 1);
    expect(progressReducer(state, { type: 'user', userId: 'u_2' })).toEqual(initialProgress('u_2'));
  });
});
