import { describe, expect, it } from 'vitest';
import { expireFloating, FLOAT_MAX_MS, FLOAT_MIN_MS, initialFloating, MAX_FLOATING, nextFloatingExpiry, spawnFloating } from './floatingEmoji';

const half = () => 0.5;

describe('the floating emoji', () => {
  it('rises one per click, inside the video, for a bounded time', () => {
    const state = spawnFloating(initialFloating, 'hype', 1_000, Math.random);
    expect(state.items).toHaveLength(1);
    const [item] = state.items;
    expect(item).toMatchObject({ id: 1, mood: 'hype' });
    expect(item!.x).toBeGreaterThanOrEqual(8);
    expect(item!.x).toBeLessThanOrEqual(92);
    expect(item!.durationMs).toBeGreaterThanOrEqual(FLOAT_MIN_MS);
    expect(item!.durationMs).toBeLessThanOrEqual(FLOAT_MAX_MS);
    expect(item!.until).toBe(1_000 + item!.durationMs);
  });

  it(`never shows more than ${MAX_FLOATING} at once: the oldest make room`, () => {
    let state = initialFloating;
    for (let i = 0; i < 100; i++) {
      state = spawnFloating(state, i % 2 ? 'love' : 'wow', i, half);
    }
    expect(state.items).toHaveLength(MAX_FLOATING);
    expect(state.items[0]!.id).toBe(100 - MAX_FLOATING + 1);
    expect(state.items.at(-1)!.id).toBe(100);
    expect(new Set(state.items.map((i) => i.id)).size).toBe(MAX_FLOATING);
  });

  it('takes another cap', () => {
    let state = initialFloating;
    for (let i = 0; i < 5; i++) {
      state = spawnFloating(state, 'sad', 0, half, 3);
    }
    expect(state.items.map((i) => i.id)).toEqual([3, 4, 5]);
  });

  it('goes once its rise is over, and says when the next one ends', () => {
    let state = spawnFloating(initialFloating, 'laugh', 0, () => 0); // ends at FLOAT_MIN_MS
    state = spawnFloating(state, 'laugh', 500, () => 0); // ends at 500 + FLOAT_MIN_MS
    expect(nextFloatingExpiry(state)).toBe(FLOAT_MIN_MS);
    state = expireFloating(state, FLOAT_MIN_MS);
    expect(state.items.map((i) => i.id)).toEqual([2]);
    expect(expireFloating(state, FLOAT_MIN_MS)).toBe(state);
    state = expireFloating(state, 500 + FLOAT_MIN_MS);
    expect(nextFloatingExpiry(state)).toBeNull();
  });
});
