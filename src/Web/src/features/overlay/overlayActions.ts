// What `overlay:trigger` asks the overlay to run, read defensively (params come from a creator's config), and
// which effects are on screen when. Pure: time comes in. The spin-wheel is the wheel's (features/gifts/wheel).

import { SOUND_NAMES, type OverlayTriggerEvent, type SoundName } from '../../api/contract';
import { isRecord } from '../../lib/read';

export type OverlayEffect =
  | { action: 'confetti'; color: string | null; intensity: number; durationMs: number }
  | { action: 'spotlight-message'; text: string; durationMs: number }
  | { action: 'theme-flash'; color: string; durationMs: number }
  | { action: 'sound-effect'; sound: SoundName; volume: number }
  | { action: 'slow-mo-chat'; seconds: number };

export type OverlayEffectAction = OverlayEffect['action'];

/** Every effect stays on screen at least this long, so that it can be seen (and found by tests). */
export const MIN_SHOWN_MS = 2_000;
/** How long the sound's badge shows. */
export const SOUND_SHOWN_MS = 2_500;
/** Spotlight messages wait their turn; more than this many waiting and the newest are dropped. */
export const MAX_QUEUED_SPOTLIGHTS = 10;

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** A `#rrggbb` colour, or null: anything else never reaches a style. */
export function safeColor(value: unknown): string | null {
  return typeof value === 'string' && HEX_COLOR.test(value.trim()) ? value.trim().toLowerCase() : null;
}

function num(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Reads a trigger into an effect; null for actions the overlay does not run (unknown, spin-wheel) or bad params. */
export function readEffect(action: string, params: Record<string, unknown> | null | undefined): OverlayEffect | null {
  const p = params ?? {};
  switch (action) {
    case 'confetti':
      return {
        action,
        color: safeColor(p.color),
        intensity: Math.round(num(p.intensity, 1, 5, 3)),
        durationMs: num(p.durationMs, 500, 10_000, 3_000),
      };
    case 'spotlight-message': {
      const text = typeof p.text === 'string' ? p.text.trim().slice(0, 120) : '';
      return text ? { action, text, durationMs: num(p.durationMs, 500, 10_000, 4_000) } : null;
    }
    case 'theme-flash': {
      const color = safeColor(p.color);
      return color ? { action, color, durationMs: num(p.durationMs, 500, 10_000, 1_200) } : null;
    }
    case 'sound-effect': {
      const sound = (SOUND_NAMES as readonly unknown[]).includes(p.sound) ? (p.sound as SoundName) : null;
      return sound ? { action, sound, volume: num(p.volume, 0, 1, 0.8) } : null;
    }
    case 'slow-mo-chat':
      return { action, seconds: Math.round(num(p.seconds, 5, 120, 10)) };
    default:
      return null;
  }
}

/** How long an effect stays on screen. */
export function shownMs(effect: OverlayEffect): number {
  switch (effect.action) {
    case 'confetti':
    case 'spotlight-message':
    case 'theme-flash':
      return Math.max(MIN_SHOWN_MS, effect.durationMs);
    case 'sound-effect':
      return SOUND_SHOWN_MS;
    case 'slow-mo-chat':
      return Math.max(MIN_SHOWN_MS, effect.seconds * 1000);
  }
}

export interface ActiveEffect {
  /** The trigger's id; a new one for every run. */
  id: string;
  effect: OverlayEffect;
  by: string;
  giftCode: string;
  /** How many gifts the trigger stands for (the server folds queued triggers together). */
  repeat: number;
  startedAt: number;
  until: number;
}

export interface OverlayState {
  /** On screen, at most one per action. */
  active: ActiveEffect[];
  /** Spotlight messages waiting for the one on screen to finish. */
  queued: Omit<ActiveEffect, 'startedAt' | 'until'>[];
}

export type OverlayStateAction =
  | { type: 'trigger'; event: OverlayTriggerEvent; now: number }
  | { type: 'tick'; now: number }
  | { type: 'reset' };

export const initialOverlay: OverlayState = { active: [], queued: [] };

export function overlayReducer(state: OverlayState, action: OverlayStateAction): OverlayState {
  switch (action.type) {
    case 'reset':
      return initialOverlay;
    case 'tick':
      return tick(state, action.now);
    case 'trigger':
      return trigger(state, action.event, action.now);
  }
}

function start(entry: Omit<ActiveEffect, 'startedAt' | 'until'>, now: number): ActiveEffect {
  return { ...entry, startedAt: now, until: now + shownMs(entry.effect) };
}

function trigger(state: OverlayState, event: OverlayTriggerEvent, now: number): OverlayState {
  const effect = readEffect(event.action, isRecord(event.params) ? event.params : null);
  if (!effect) {
    return state;
  }
  const repeat = typeof event.repeat === 'number' && event.repeat > 1 ? Math.floor(event.repeat) : 1;
  const entry = { id: event.triggerId, effect, by: event.by?.handle ?? '', giftCode: event.giftCode ?? '', repeat };
  const current = state.active.find((a) => a.effect.action === effect.action);

  if (effect.action === 'spotlight-message' && current) {
    // Messages are read one after another rather than on top of each other.
    return state.queued.length >= MAX_QUEUED_SPOTLIGHTS ? state : { ...state, queued: [...state.queued, entry] };
  }

  let next = start(entry, now);
  if (current && effect.action === 'slow-mo-chat') {
    next = { ...next, until: Math.max(next.until, current.until) }; // a shorter slow-mo never cuts a longer one
  }
  // Any other effect of the same action restarts with the newer parameters.
  return { ...state, active: [...state.active.filter((a) => a !== current), next] };
}

function tick(state: OverlayState, now: number): OverlayState {
  const active = state.active.filter((a) => a.until > now);
  let queued = state.queued;
  if (queued.length > 0 && !active.some((a) => a.effect.action === 'spotlight-message')) {
    active.push(start(queued[0]!, now));
    queued = queued.slice(1);
  }
  return active.length === state.active.length && queued === state.queued ? state : { active, queued };
}

/** When the next `tick` can change something, or null when nothing is on screen. */
export function nextOverlayTickAt(state: OverlayState): number | null {
  return state.active.length === 0 ? null : Math.min(...state.active.map((a) => a.until));
}
