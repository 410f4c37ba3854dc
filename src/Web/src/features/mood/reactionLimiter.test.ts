import { describe, expect, it } from 'vitest';
import { allowReaction, REACTION_WINDOW_MS, REACTIONS_PER_WINDOW } from './reactionLimiter';

describe('sending reactions', () => {
  it(`sends up to ${REACTIONS_PER_WINDOW} a second, no more`, () => {
    let sentAt: number[] = [];
    const allowed: boolean[] = [];
    for (let i = 0; i < 15; i++) {
      const result = allowReaction(sentAt, 1_000 + i * 10);
      allowed.push(result.allowed);
      sentAt = result.sentAt;
    }
    expect(allowed.filter(Boolean)).toHaveLength(REACTIONS_PER_WINDOW);
    expect(allowed.slice(0, REACTIONS_PER_WINDOW).every(Boolean)).toBe(true);
  });

  it('sends again once the window moved on, keeping only recent times', () => {
    const full = Array.from({ length: REACTIONS_PER_WINDOW }, (_, i) => i * 10);
    expect(allowReaction(full, 95).allowed).toBe(false);
    const later = allowReaction(full, REACTION_WINDOW_MS + 5);
    expect(later.allowed).toBe(true);
    expect(later.sentAt).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, REACTION_WINDOW_MS + 5]);
  });
});
