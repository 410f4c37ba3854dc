// The emoji that rise over the video, one per reaction click, and how many may be on screen at once. Pure: time and
// randomness come in.

import type { Mood } from '../../api/contract';

/** At most this many on screen; a new one pushes out the oldest. */
export const MAX_FLOATING = 40;
export const FLOAT_MIN_MS = 1_800;
export const FLOAT_MAX_MS = 2_800;

export interface FloatingEmoji {
  id: number;
  mood: Mood;
  /** Where it starts across the video, in %. */
  x: number;
  /** How far it sways sideways on the way up, in px. */
  drift: number;
  /** Size factor, 0.85–1.35. */
  scale: number;
  durationMs: number;
  until: number;
}

export interface FloatingState {
  items: FloatingEmoji[];
  nextId: number;
}

export const initialFloating: FloatingState = { items: [], nextId: 1 };

/** A new emoji for `mood`, the oldest dropped beyond `max`. `random` returns [0, 1). */
export function spawnFloating(
  state: FloatingState,
  mood: Mood,
  now: number,
  random: () => number = Math.random,
  max = MAX_FLOATING,
): FloatingState {
  const durationMs = Math.round(FLOAT_MIN_MS + random() * (FLOAT_MAX_MS - FLOAT_MIN_MS));
  const item: FloatingEmoji = {
    id: state.nextId,
    mood,
    x: Math.round((8 + random() * 84) * 10) / 10,
    drift: Math.round((random() - 0.5) * 80),
    scale: Math.round((0.85 + random() * 0.5) * 100) / 100,
    durationMs,
    until: now + durationMs,
  };
  const items = [...state.items, item];
  return { items: items.length > max ? items.slice(items.length - Math.max(0, max)) : items, nextId: state.nextId + 1 };
}

/** Drops the emoji whose rise is over. */
export function expireFloating(state: FloatingState, now: number): FloatingState {
  const items = state.items.filter((i) => i.until > now);
  return items.length === state.items.length ? state : { ...state, items };
}

/** When the next one ends (to wake and drop it), or null when none is up. */
export function nextFloatingExpiry(state: FloatingState): number | null {
  return state.items.length === 0 ? null : Math.min(...state.items.map((i) => i.until));
}
