// The mood theme: the dominant mood's colour, at a strength that follows the intensity, as CSS custom properties
// for the watch page (its accent colours and the animated background read them; styles.css). Pure.

import type { Mood } from '../../api/contract';
import { MOOD_ART } from './moods';

/** The accent when no mood colours the page (styles.css `--accent`). */
export const BASE_ACCENT = '#7c5cff';

export interface MoodTheme {
  /** The mood colouring the page, or null (theme off, or a quiet audience). */
  mood: Mood | null;
  color: string;
  /** 0 (no tint) to 1 (the mood's colour in full). */
  strength: number;
  vars: { '--mood-color': string; '--mood-strength': number };
}

/**
 * How strongly the page takes the mood's colour at an intensity. The square root lifts the low end: a small audience
 * (a reaction a second is an intensity of about 0.05) still tints the page a little, a loud one (0.63) strongly.
 */
export function themeStrength(intensity: number): number {
  if (!Number.isFinite(intensity) || intensity <= 0) {
    return 0;
  }
  return Math.round(Math.sqrt(Math.min(1, intensity)) * 1000) / 1000;
}

export function moodColor(mood: Mood | null): string {
  return mood ? MOOD_ART[mood].color : BASE_ACCENT;
}

/** The theme for a mood state; off unless the creator enabled it and some mood dominates. */
export function moodTheme(state: { dominant: Mood | null; intensity: number; themeEnabled: boolean }): MoodTheme {
  const mood = state.themeEnabled ? state.dominant : null;
  const strength = mood ? themeStrength(state.intensity) : 0;
  const active = mood !== null && strength > 0 ? mood : null;
  const color = moodColor(active);
  return { mood: active, color, strength: active ? strength : 0, vars: { '--mood-color': color, '--mood-strength': active ? strength : 0 } };
}
