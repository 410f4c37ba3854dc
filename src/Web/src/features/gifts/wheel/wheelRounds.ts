// The spin-wheel rounds a viewer saw: commitments (`wheel:commit`), spins (`overlay:trigger` spin-wheel) and
// reveals (`wheel:result`), matched by roundId, so that the last round can be shown and verified. Pure.

import type { OverlayTriggerEvent, WheelCommitEvent, WheelResultEvent } from '../../../api/contract';
import { isRecord } from '../../../lib/read';

/** Commitments kept, newest last: a round's commitment comes before its spin. */
const MAX_COMMITS = 16;

/** A spin as the overlay trigger announced it. */
export interface WheelSpin {
  triggerId: string;
  segments: string[];
  segmentIndex: number;
  seedHash: string | null;
  by: string;
  /** Play the spinning animation (a live trigger), or show it landed (a replayed one). */
  animate: boolean;
}

export interface WheelRound {
  roundId: string;
  spin: WheelSpin | null;
  result: WheelResultEvent | null;
}

export interface WheelState {
  /** seedHash by roundId, from `wheel:commit`. */
  commits: { roundId: string; seedHash: string }[];
  /** The round on screen, or null. */
  current: WheelRound | null;
}

export type WheelAction =
  | { type: 'commit'; event: Pick<WheelCommitEvent, 'roundId' | 'seedHash'> }
  | { type: 'spin'; event: OverlayTriggerEvent; animate: boolean }
  | { type: 'result'; event: WheelResultEvent }
  | { type: 'dismiss' }
  | { type: 'reset' };

export const initialWheel: WheelState = { commits: [], current: null };

/** Reads a spin-wheel trigger's params; null when they are not a wheel to draw. */
export function readSpin(event: OverlayTriggerEvent, animate: boolean): { roundId: string; spin: WheelSpin } | null {
  const { segments, segmentIndex, roundId, seedHash } = isRecord(event.params) ? event.params : {};
  if (!Array.isArray(segments) || segments.length < 2 || !segments.every((s) => typeof s === 'string')) {
    return null;
  }
  if (typeof segmentIndex !== 'number' || !Number.isInteger(segmentIndex) || segmentIndex < 0 || segmentIndex >= segments.length) {
    return null;
  }
  return {
    roundId: typeof roundId === 'number' || typeof roundId === 'string' ? String(roundId) : event.triggerId,
    spin: {
      triggerId: event.triggerId,
      segments,
      segmentIndex,
      seedHash: typeof seedHash === 'string' ? seedHash : null,
      by: event.by?.handle ?? '',
      animate,
    },
  };
}

export function wheelReducer(state: WheelState, action: WheelAction): WheelState {
  switch (action.type) {
    case 'reset':
      return initialWheel;
    case 'dismiss':
      return { ...state, current: null };
    case 'commit': {
      const roundId = String(action.event.roundId);
      const commits = state.commits.filter((c) => c.roundId !== roundId);
      commits.push({ roundId, seedHash: action.event.seedHash });
      return { ...state, commits: commits.slice(-MAX_COMMITS) };
    }
    case 'spin': {
      const read = readSpin(action.event, action.animate);
      if (!read) {
        return state;
      }
      const same = state.current?.roundId === read.roundId ? state.current : null;
      return { ...state, current: { roundId: read.roundId, spin: read.spin, result: same?.result ?? null } };
    }
    case 'result': {
      const roundId = String(action.event.roundId);
      const same = state.current?.roundId === roundId ? state.current : null;
      return { ...state, current: { roundId, spin: same?.spin ?? null, result: action.event } };
    }
  }
}

/** The hash the stream committed to for a round, and where the client learned it. */
export function commitmentOf(
  state: WheelState,
  round: WheelRound,
): { seedHash: string; source: 'commit' | 'spin' | 'result' } | null {
  const committed = state.commits.find((c) => c.roundId === round.roundId);
  if (committed) {
    return { seedHash: committed.seedHash, source: 'commit' };
  }
  if (round.spin?.seedHash) {
    return { seedHash: round.spin.seedHash, source: 'spin' };
  }
  if (round.result) {
    return { seedHash: round.result.seedHash, source: 'result' };
  }
  return null;
}
