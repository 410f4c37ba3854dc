// The stream's highlight moments: the REST list, then `moment:detected` events; newest first, each once. Pure.

import type { Moment, MomentKind } from '../../../api/contract';
import { isRecord, num, oneOf, str, timeOf } from '../../../lib/read';

const KINDS: readonly MomentKind[] = ['reactions', 'gifts', 'manual'];

/** Moments kept per stream (the server keeps 100). */
export const MAX_MOMENTS = 100;

export interface MomentsState {
  /** Newest first. */
  moments: Moment[];
  loaded: boolean;
}

export type MomentsAction =
  | { type: 'reset' }
  | { type: 'listed'; moments: unknown }
  /** A `moment:detected` event, or the answer to this user's `moment:mark`. */
  | { type: 'moment'; moment: unknown };

export const initialMoments: MomentsState = { moments: [], loaded: false };

/** A moment from the wire, or null when it is not one. */
export function readMoment(raw: unknown): Moment | null {
  if (!isRecord(raw)) {
    return null;
  }
  const momentId = str(raw.momentId);
  const kind = oneOf(KINDS, raw.kind);
  if (!momentId || !kind) {
    return null;
  }
  const note = str(raw.note)?.trim();
  const sharePath = str(raw.sharePath);
  return {
    momentId,
    streamId: str(raw.streamId) ?? streamOfMoment(momentId) ?? '',
    at: str(raw.at) ?? '',
    kind,
    intensity: num(raw.intensity) ?? 0,
    note: note ? note : null,
    streamSeq: num(raw.streamSeq) ?? 0,
    // The server's path when it is the share page's; else built from the id.
    sharePath: sharePath && /^\/m\/[^/?#]+$/.test(sharePath) ? sharePath : `/m/${encodeURIComponent(momentId)}`,
  };
}

/** Moment ids are `{streamId}.{n}`. */
export function streamOfMoment(momentId: string): string | null {
  const dot = momentId.lastIndexOf('.');
  return dot > 0 ? momentId.slice(0, dot) : null;
}

function numberOf(momentId: string): number {
  const n = Number(momentId.slice(momentId.lastIndexOf('.') + 1));
  return Number.isFinite(n) ? n : 0;
}

/** Newest first: by time, then by the moment's number in its stream. */
export function compareMoments(a: Moment, b: Moment): number {
  return (timeOf(b.at) || 0) - (timeOf(a.at) || 0) || numberOf(b.momentId) - numberOf(a.momentId);
}

function add(list: readonly Moment[], incoming: readonly Moment[]): Moment[] {
  const byId = new Map(list.map((m) => [m.momentId, m]));
  for (const m of incoming) {
    byId.set(m.momentId, m);
  }
  return [...byId.values()].sort(compareMoments).slice(0, MAX_MOMENTS);
}

export function momentsReducer(state: MomentsState, action: MomentsAction): MomentsState {
  switch (action.type) {
    case 'reset':
      return initialMoments;
    case 'listed': {
      const incoming = (Array.isArray(action.moments) ? action.moments : []).map(readMoment).filter((m): m is Moment => m !== null);
      return { moments: add(state.moments, incoming), loaded: true };
    }
    case 'moment': {
      const moment = readMoment(action.moment);
      if (!moment || state.moments.some((m) => m.momentId === moment.momentId)) {
        return state;
      }
      return { ...state, moments: add(state.moments, [moment]) };
    }
  }
}
