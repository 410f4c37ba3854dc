import { describe, expect, it } from 'vitest';
import type { GiftRarity, GiftReceivedEvent } from '../../api/contract';
import { giftsReducer, initialGifts, LEAVE_MS, LINGER_MS, MAX_ITEMS, nextTickAt, type GiftsState } from './combos';

let seq = 100;

function gift(comboId: string, combo: number, overrides: Partial<GiftReceivedEvent> = {}, rarity: GiftRarity = 'common'): GiftReceivedEvent {
  seq++;
  return {
    type: 'gift:received',
    streamId: 's_1',
    seq,
    at: '2026-11-24T12:00:00+00:00',
    transferId: `u_a:${seq}`,
    from: { userId: 'u_a', handle: 'ada' },
    gift: { code: 'rose', name: 'Rose', animationKey: 'rose-float', rarity },
    count: 1,
    tokens: 1,
    comboId,
    combo,
    streamTotal: seq,
    ...overrides,
  };
}

function receive(state: GiftsState, event: GiftReceivedEvent, now = 0, animate = true): GiftsState {
  return giftsReducer(state, { type: 'received', event, now, animate });
}

describe('gift combos on screen', () => {
  it('shows a new combo as a new item', () => {
    const state = receive(initialGifts, gift('c_1', 1));
    expect(state.items).toHaveLength(1);
    expect(state.items[0]).toMatchObject({ comboId: 'c_1', combo: 1, bumps: 0, leaving: false });
  });

  it('updates the one item of a combo, bumping its counter, instead of stacking another', () => {
    let state = receive(initialGifts, gift('c_1', 1), 0);
    state = receive(state, gift('c_1', 3, { count: 2, tokens: 2 }), 500);
    state = receive(state, gift('c_1', 4), 900);

    expect(state.items).toHaveLength(1);
    expect(state.items[0]).toMatchObject({ comboId: 'c_1', combo: 4, bumps: 2, updatedAt: 900 });
  });

  it('stacks different combos side by side, keeping their order', () => {
    let state = receive(initialGifts, gift('c_1', 1));
    state = receive(state, gift('c_2', 1, { from: { userId: 'u_b', handle: 'bob' } }));
    state = receive(state, gift('c_1', 2));

    expect(state.items.map((i) => [i.comboId, i.combo])).toEqual([
      ['c_1', 2],
      ['c_2', 1],
    ]);
  });

  it('never lowers a combo’s counter', () => {
    let state = receive(initialGifts, gift('c_1', 5));
    state = receive(state, gift('c_1', 3));
    expect(state.items[0]?.combo).toBe(5);
  });

  it('keeps an item for its rarity’s linger time after the last update, then plays its exit, then removes it', () => {
    let state = receive(initialGifts, gift('c_1', 1, {}, 'epic'), 0);
    state = receive(state, gift('c_1', 2, {}, 'epic'), 1_000);
    const leaveAt = 1_000 + LINGER_MS.epic;

    expect(nextTickAt(state)).toBe(leaveAt);
    expect(giftsReducer(state, { type: 'tick', now: leaveAt - 1 })).toBe(state);

    state = giftsReducer(state, { type: 'tick', now: leaveAt });
    expect(state.items[0]?.leaving).toBe(true);
    expect(nextTickAt(state)).toBe(leaveAt + LEAVE_MS);

    state = giftsReducer(state, { type: 'tick', now: leaveAt + LEAVE_MS });
    expect(state.items).toHaveLength(0);
    expect(nextTickAt(state)).toBeNull();
  });

  it('brings a leaving item back when its combo continues', () => {
    let state = receive(initialGifts, gift('c_1', 1), 0);
    state = giftsReducer(state, { type: 'tick', now: LINGER_MS.common });
    state = receive(state, gift('c_1', 2), LINGER_MS.common + 100);
    expect(state.items[0]).toMatchObject({ combo: 2, leaving: false });
  });

  it('keeps every item on screen for at least 2 seconds', () => {
    for (const linger of Object.values(LINGER_MS)) {
      expect(linger).toBeGreaterThanOrEqual(2_000);
    }
  });

  it('shows at most MAX_ITEMS, dropping the oldest', () => {
    let state = initialGifts;
    for (let i = 0; i < MAX_ITEMS + 3; i++) {
      state = receive(state, gift(`c_${i}`, 1));
    }
    expect(state.items).toHaveLength(MAX_ITEMS);
    expect(state.items[0]?.comboId).toBe('c_3');
  });

  it('follows the stream total, and starts no animation for replayed gifts', () => {
    let state = receive(initialGifts, gift('c_1', 1, { streamTotal: 500 }), 0, false);
    expect(state.items).toHaveLength(0);
    expect(state.streamTotal).toBe(500);

    state = receive(state, gift('c_2', 1, { streamTotal: 510 }), 0, true);
    state = receive(state, gift('c_2', 2, { streamTotal: 520 }), 0, false);
    expect(state.items).toHaveLength(1);
    expect(state.items[0]?.combo).toBe(2);
    expect(state.streamTotal).toBe(520);
  });

  it('takes the stream total of a join snapshot, when it has one', () => {
    let state = giftsReducer(initialGifts, { type: 'snapshot', streamTotal: 5_120 });
    expect(state.streamTotal).toBe(5_120);
    state = receive(state, gift('c_1', 1, { streamTotal: 5_121 }));
    expect(state.streamTotal).toBe(5_121);
    expect(giftsReducer(state, { type: 'snapshot', streamTotal: undefined })).toBe(state);
  });

  it('forgets everything on reset', () => {
    const state = receive(initialGifts, gift('c_1', 1));
    expect(giftsReducer(state, { type: 'reset' })).toEqual(initialGifts);
  });
});
