// The audience's mood as the page knows it: the join snapshot's `mood`, then `mood:state` events in seq order, a
// REST fetch when the snapshot has none, and the creator's own switch of the theme. Pure; read defensively.

import { MOODS, type Mood } from '../../api/contract';
import { isMood } from './moods';

export interface MoodView {
  dominant: Mood | null;
  /** 0–1. */
  intensity: number;
  rates: Record<Mood, number>;
  themeEnabled: boolean;
  /** Something (snapshot, event, fetch) told the page the mood: before that the meter shows nothing. */
  known: boolean;
}

export type MoodAction =
  | { type: 'reset' }
  /** The join snapshot's `mood` (null: none yet). */
  | { type: 'snapshot'; mood: unknown }
  /** A `mood:state` event (in order) or a fetched `GET /api/streams/{id}/mood`. */
  | { type: 'state'; mood: unknown }
  /** The creator switched the theme (before, or without, the server's word). */
  | { type: 'theme'; enabled: boolean };

function zeroRates(): Record<Mood, number> {
  return { hype: 0, love: 0, laugh: 0, wow: 0, sad: 0, angry: 0 };
}

export const initialMood: MoodView = { dominant: null, intensity: 0, rates: zeroRates(), themeEnabled: false, known: false };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `"hype"`, `"Hype"`, or the mood's index (an enum written as a number): anything else is no mood. */
export function readMoodName(value: unknown): Mood | null {
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    return isMood(lower) ? lower : null;
  }
  if (typeof value === 'number' && Number.isInteger(value)) {
    return MOODS[value] ?? null;
  }
  return null;
}

function rate(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** A mood state from the wire, or null when it is not one. `themeEnabled` missing keeps the page's. */
export function readMood(raw: unknown, previous: MoodView = initialMood): MoodView | null {
  if (!isRecord(raw)) {
    return null;
  }
  const rates = zeroRates();
  if (isRecord(raw.rates)) {
    for (const [key, value] of Object.entries(raw.rates)) {
      const mood = readMoodName(key);
      if (mood) {
        rates[mood] = rate(value);
      }
    }
  }
  const intensity = typeof raw.intensity === 'number' && Number.isFinite(raw.intensity) ? Math.min(1, Math.max(0, raw.intensity)) : 0;
  return {
    dominant: readMoodName(raw.dominant),
    intensity,
    rates,
    themeEnabled: typeof raw.themeEnabled === 'boolean' ? raw.themeEnabled : previous.themeEnabled,
    known: true,
  };
}

export function moodReducer(state: MoodView, action: MoodAction): MoodView {
  switch (action.type) {
    case 'reset':
      return initialMood;
    case 'snapshot':
      return readMood(action.mood, state) ?? initialMood;
    case 'state':
      return readMood(action.mood, state) ?? state;
    case 'theme':
      return { ...state, themeEnabled: action.enabled };
  }
}

/** The meter's `data-intensity`: the intensity to three decimals, as the server rounds it. */
export function intensityAttribute(intensity: number): string {
  return String(Math.round(Math.min(1, Math.max(0, intensity)) * 1000) / 1000);
}
