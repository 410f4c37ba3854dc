import { describe, expect, it } from 'vitest';
import { REACTION_WINDOW_MS, REACTIONS_PER_WINDOW, takeTaps } from './reactionLimiter';

describe('keeping reaction taps to the server limit', () => {
  it(`lets ${REACTIONS_PER_WINDOW} taps a second go out, no more`, () => {
    let sentAt: number[] = [];
    const granted: number[] = [];
    for (let i = 0; i < 15; i++) {
      const result = takeTaps(sentAt, 1_000 + i * 10, 1);
      granted.push(result.granted);
      sentAt = result.sentAt;
    }
    expect(granted.reduce((a, b) => a + b, 0)).toBe(REACTIONS_PER_WINDOW);
    expect(granted.slice(0, REACTIONS_PER_WINDOW).every((g) => g === 1)).toBe(true);
  });

  it('lets out only the taps still allowed of a send that would go over', () => {
    const first = takeTaps([], 0, 7);
    expect(first.granted).toBe(7);
    expect(first.sentAt).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const second = takeTaps(first.sentAt, 300, 6);
    expect(second.granted).toBe(3);
    expect(second.sentAt).toHaveLength(REACTIONS_PER_WINDOW);
    expect(takeTaps(second.sentAt, 600, 4).granted).toBe(0);
    expect(takeTaps([], 0, 0).granted).toBe(0);
  });

  it('lets taps out again once the window moved on, keeping only recent times', () => {
    const full = Array.from({ length: REACTIONS_PER_WINDOW }, (_, i) => i * 10);
    expect(takeTaps(full, 95, 1).granted).toBe(0);
    const later = takeTaps(full, REACTION_WINDOW_MS + 5, 2);
    expect(later.granted).toBe(1);
    expect(later.sentAt).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, REACTION_WINDOW_MS + 5]);
  });
});
