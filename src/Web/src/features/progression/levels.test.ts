import { describe, expect, it } from 'vitest';
import { levelForXp, xpBar, xpForLevel } from './levels';

describe('the level curve', () => {
  it('is 100 · (n − 1)^1.5, floored, as PROGRESSION.md says', () => {
    expect(xpForLevel(1)).toBe(0);
    expect(xpForLevel(2)).toBe(100);
    expect(xpForLevel(3)).toBe(282);
    expect(xpForLevel(5)).toBe(800);
    expect(xpForLevel(11)).toBe(3162);
  });

  it('gives the level a total reaches', () => {
    expect(levelForXp(0)).toBe(1);
    expect(levelForXp(99)).toBe(1);
    expect(levelForXp(100)).toBe(2);
    expect(levelForXp(812)).toBe(5);
  });
});

describe('the XP bar', () => {
  it('runs from the previous threshold to xpForNextLevel', () => {
    // PROTOCOL.md: xp 310, level 3, next at 519.
    const bar = xpBar({ xp: 310, level: 3, xpForNextLevel: 519 });
    expect(bar).toMatchObject({ level: 3, xp: 310, from: 282, to: 519, into: 28, remaining: 209 });
    expect(bar.fraction).toBeCloseTo(28 / 237);
  });

  it('is empty at a level’s start and never past full', () => {
    expect(xpBar({ xp: 800, level: 5, xpForNextLevel: 1131 }).fraction).toBe(0);
    expect(xpBar({ xp: 2000, level: 5, xpForNextLevel: 1131 })).toMatchObject({ fraction: 1, remaining: 0, into: 331 });
  });

  it('computes the next threshold when the server leaves it out or sends nonsense', () => {
    expect(xpBar({ xp: 50, level: 1 })).toMatchObject({ from: 0, to: 100, fraction: 0.5 });
    expect(xpBar({ xp: 50, level: 1, xpForNextLevel: 0 }).to).toBe(100);
    const bad = xpBar({ xp: Number.NaN, level: -2, xpForNextLevel: null });
    expect(bad).toMatchObject({ level: 1, xp: 0, fraction: 0 });
  });
});
