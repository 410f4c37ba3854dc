import { describe, expect, it } from 'vitest';
import { MOODS } from '../../api/contract';
import { BASE_ACCENT, moodColor, moodTheme, themeStrength } from './moodTheme';
import { MOOD_ART } from './moods';

describe('the mood theme', () => {
  it('gives each mood its own colour, none the base accent', () => {
    const colours = MOODS.map(moodColor);
    expect(new Set(colours).size).toBe(MOODS.length);
    expect(colours).not.toContain(BASE_ACCENT);
    colours.forEach((c) => expect(c).toMatch(/^#[0-9a-f]{6}$/));
    expect(moodColor('hype')).toBe(MOOD_ART.hype.color);
    expect(moodColor(null)).toBe(BASE_ACCENT);
  });

  it('follows the dominant mood, as strong as the audience is loud', () => {
    const calm = moodTheme({ dominant: 'love', intensity: 0.05, themeEnabled: true });
    const loud = moodTheme({ dominant: 'love', intensity: 0.72, themeEnabled: true });
    expect(calm).toMatchObject({ mood: 'love', color: MOOD_ART.love.color });
    expect(loud.strength).toBeGreaterThan(calm.strength);
    expect(loud.vars).toEqual({ '--mood-color': MOOD_ART.love.color, '--mood-strength': loud.strength });
  });

  it('is off when the creator switched it off, or nobody reacts', () => {
    const off = { mood: null, color: BASE_ACCENT, strength: 0, vars: { '--mood-color': BASE_ACCENT, '--mood-strength': 0 } };
    expect(moodTheme({ dominant: 'hype', intensity: 0.9, themeEnabled: false })).toEqual(off);
    expect(moodTheme({ dominant: null, intensity: 0, themeEnabled: true })).toEqual(off);
    expect(moodTheme({ dominant: 'hype', intensity: 0, themeEnabled: true })).toEqual(off);
  });

  it('strength grows with intensity from 0 to 1, lifting the low end', () => {
    expect(themeStrength(0)).toBe(0);
    expect(themeStrength(-1)).toBe(0);
    expect(themeStrength(Number.NaN)).toBe(0);
    expect(themeStrength(1)).toBe(1);
    expect(themeStrength(7)).toBe(1);
    expect(themeStrength(0.05)).toBeGreaterThan(0.2); // about a reaction a second still shows
    const steps = [0.01, 0.1, 0.3, 0.63, 0.9].map(themeStrength);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });
});
