import { describe, expect, it } from 'vitest';
import { initialMood, intensityAttribute, moodReducer, readMood, readMoodName } from './moodState';

const event = {
  type: 'mood:state',
  streamId: 's_1',
  seq: 160,
  at: '2026-11-24T12:00:00+00:00',
  dominant: 'hype',
  intensity: 0.72,
  rates: { hype: 31.5, love: 4.2, laugh: 0, wow: 1.1, sad: 0, angry: 0 },
  themeEnabled: true,
};

describe('the audience’s mood', () => {
  it('reads mood:state as sent', () => {
    const mood = moodReducer(initialMood, { type: 'state', mood: event });
    expect(mood).toMatchObject({ dominant: 'hype', intensity: 0.72, themeEnabled: true, known: true });
    expect(mood.rates).toEqual({ hype: 31.5, love: 4.2, laugh: 0, wow: 1.1, sad: 0, angry: 0 });
  });

  it('reads a dominant mood however the enum is written, and none as null', () => {
    expect(readMoodName('hype')).toBe('hype');
    expect(readMoodName('Angry')).toBe('angry');
    expect(readMoodName(3)).toBe('wow');
    expect(readMoodName(9)).toBeNull();
    expect(readMoodName(null)).toBeNull();
    expect(readMoodName('meh')).toBeNull();
  });

  it('keeps the intensity between 0 and 1 and rates at 0 or more', () => {
    const mood = readMood({ dominant: null, intensity: 3, rates: { hype: -2, nonsense: 5 } });
    expect(mood?.intensity).toBe(1);
    expect(mood?.rates.hype).toBe(0);
    expect(readMood({ intensity: 'x' })?.intensity).toBe(0);
  });

  it('keeps the theme switch when a state does not say it', () => {
    let mood = moodReducer(initialMood, { type: 'state', mood: event });
    mood = moodReducer(mood, { type: 'state', mood: { dominant: 'love', intensity: 0.2, rates: {} } });
    expect(mood.themeEnabled).toBe(true);
    mood = moodReducer(mood, { type: 'theme', enabled: false });
    expect(mood).toMatchObject({ themeEnabled: false, dominant: 'love' });
  });

  it('starts over with a snapshot without mood, and ignores a state that is not one', () => {
    const mood = moodReducer(initialMood, { type: 'state', mood: event });
    expect(moodReducer(mood, { type: 'state', mood: 'nope' })).toBe(mood);
    expect(moodReducer(mood, { type: 'snapshot', mood: null })).toEqual(initialMood);
  });

  it('writes the intensity for data-intensity to three decimals', () => {
    expect(intensityAttribute(0.72)).toBe('0.72');
    expect(intensityAttribute(0.123456)).toBe('0.123');
    expect(intensityAttribute(0)).toBe('0');
    expect(intensityAttribute(2)).toBe('1');
  });
});
