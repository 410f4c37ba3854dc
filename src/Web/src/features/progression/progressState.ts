// The signed-in user's progression as the header shows it, and the toasts: from `GET /api/me/progress`, heartbeat
// answers, `level:up` and `badge:earned`, in any order. Pure.
import type { BadgeEarnedEvent, LevelUpEvent, Progress, ProgressChange } from '../../api/contract';
import { badgeInfo, type BadgeInfo } from './badges';

/** What the header needs; `stats` and the rest only on the profile page (fetched there). */
export interface MyProgress {
  userId: string;
  xp: number;
  level: number;
  xpForNextLevel: number;
  badges: string[];
}

export type ProgressToast =
  | { key: string; kind: 'level-up'; level: number }
  | { key: string; kind: 'badge'; badge: BadgeInfo };

export interface ProgressState {
  /** Whose progression this is; events for anyone else are ignored. */
  userId: string | null;
  progress: MyProgress | null;
  toasts: ProgressToast[];
  /** Toast keys already shown (`level:5`, `badge:first-gift`), so the heartbeat's answer and the event show one. */
  shown: string[];
}

export const MAX_TOASTS = 4;

export function initialProgress(userId: string | null): ProgressState {
  return { userId, progress: null, toasts: [], shown: [] };
}

export type ProgressAction =
  | { type: 'loaded'; progress: Progress }
  | { type: 'change'; change: ProgressChange; toast: boolean }
  | { type: 'event'; event: LevelUpEvent | BadgeEarnedEvent }
  | { type: 'dismiss'; key: string }
  | { type: 'user'; userId: string | null };

function fromProgress(p: Progress): MyProgress {
  return {
    userId: p.userId,
    xp: p.xp,
    level: p.level,
    xpForNextLevel: p.xpForNextLevel,
    badges: Array.isArray(p.badges) ? p.badges.filter((b) => typeof b === 'string') : [],
  };
}

/** A newer reading wins; XP never goes down, badges are only added (a late copy cannot undo them). */
function merge(current: MyProgress | null, next: MyProgress): MyProgress {
  if (!current) {
    return next;
  }
  const badges = [...current.badges, ...next.badges.filter((b) => !current.badges.includes(b))];
  if (next.xp < current.xp) {
    return { ...current, badges };
  }
  return { ...next, level: Math.max(next.level, current.level), badges };
}

function addToast(state: ProgressState, toast: ProgressToast): ProgressState {
  if (state.shown.includes(toast.key)) {
    return state;
  }
  return {
    ...state,
    toasts: [...state.toasts, toast].slice(-MAX_TOASTS),
    shown: [...state.shown, toast.key].slice(-100),
  };
}

function levelToast(level: number): ProgressToast {
  return { key: `level:${level}`, kind: 'level-up', level };
}

function badgeToast(badge: BadgeInfo): ProgressToast {
  return { key: `badge:${badge.code}`, kind: 'badge', badge };
}

export function progressReducer(state: ProgressState, action: ProgressAction): ProgressState {
  switch (action.type) {
    case 'loaded': {
      if (state.userId === null || action.progress.userId !== state.userId) {
        return state;
      }
      return { ...state, progress: merge(state.progress, fromProgress(action.progress)) };
    }
    case 'change': {
      const { change } = action;
      if (!change || state.userId === null || change.progress?.userId !== state.userId) {
        return state;
      }
      let next: ProgressState = { ...state, progress: merge(state.progress, fromProgress(change.progress)) };
      if (action.toast) {
        if (typeof change.levelReached === 'number') {
          next = addToast(next, levelToast(change.levelReached));
        }
        for (const code of change.badgesEarned ?? []) {
          next = addToast(next, badgeToast(badgeInfo(code)));
        }
      }
      return next;
    }
    case 'event': {
      const { event } = action;
      if (state.userId === null || event.userId !== state.userId) {
        return state;
      }
      if (event.type === 'level:up') {
        const reading = { userId: event.userId, xp: event.xp, level: event.level, xpForNextLevel: event.xpForNextLevel, badges: [] };
        const progress = merge(state.progress, reading);
        return addToast({ ...state, progress }, levelToast(event.level));
      }
      const progress =
        state.progress && !state.progress.badges.includes(event.badge)
          ? { ...state.progress, badges: [...state.progress.badges, event.badge] }
          : state.progress;
      return addToast({ ...state, progress }, badgeToast(badgeInfo(event.badge, event)));
    }
    case 'user':
      return action.userId === state.userId ? state : initialProgress(action.userId);
    case 'dismiss':
      return { ...state, toasts: state.toasts.filter((t) => t.key !== action.key) };
  }
}
