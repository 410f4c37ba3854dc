// The gifts on screen over the video, one per combo: a gift sent again within the combo window updates the
// item already showing (its ×N counter bumps) instead of starting another animation. Pure: time comes in.

import type { GiftRarity, GiftReceivedEvent, GiftRef, UserRef } from '../../api/contract';

/** How long an item stays after its last gift, by rarity. Long enough to read, at least 2 s. */
export const LINGER_MS: Record<GiftRarity, number> = {
  common: 3_000,
  rare: 4_000,
  epic: 5_000,
  legendary: 5_500,
};

/** The exit animation's length: an item is `leaving` this long before it is removed. */
export const LEAVE_MS = 450;

/** More than this many items at once and the oldest go first. */
export const MAX_ITEMS = 8;

export interface GiftOnScreen {
  comboId: string;
  from: UserRef;
  gift: GiftRef;
  /** The combo's running count (×N). */
  combo: number;
  /** Tokens of the latest gift of the combo. */
  tokens: number;
  /** Bumped on every update of the combo, to replay the counter's bump animation. */
  bumps: number;
  /** When the item was last shown new or updated (client clock, ms). */
  updatedAt: number;
  /** From then on the item plays its exit; it is removed `LEAVE_MS` later. */
  leaveAt: number;
  leaving: boolean;
}

export interface GiftsState {
  items: GiftOnScreen[];
  /** Tokens gifted to the stream so far, from the join snapshot and then each `gift:received`; null while unknown. */
  streamTotal: number | null;
}

export type GiftsAction =
  /** A `gift:received`. `animate` is false for events replayed after a reconnect: they update, never start, items. */
  | { type: 'received'; event: GiftReceivedEvent; now: number; animate: boolean }
  /** A join snapshot: its gift total (as of the snapshot's seq, when the server sends one) replaces ours. */
  | { type: 'snapshot'; streamTotal: number | undefined }
  /** Time passed: start the exits that are due, remove the items whose exit is over. */
  | { type: 'tick'; now: number }
  /** Another stream: nothing carries over. */
  | { type: 'reset' };

export const initialGifts: GiftsState = { items: [], streamTotal: null };

export function giftsReducer(state: GiftsState, action: GiftsAction): GiftsState {
  switch (action.type) {
    case 'reset':
      return initialGifts;
    case 'tick':
      return tick(state, action.now);
    case 'snapshot':
      return typeof action.streamTotal === 'number' && Number.isFinite(action.streamTotal) && action.streamTotal !== state.streamTotal
        ? { ...state, streamTotal: action.streamTotal }
        : state;
    case 'received':
      return received(state, action.event, action.now, action.animate);
  }
}

function received(state: GiftsState, event: GiftReceivedEvent, now: number, animate: boolean): GiftsState {
  const streamTotal = Number.isFinite(event.streamTotal) ? event.streamTotal : state.streamTotal;
  const leaveAt = now + (LINGER_MS[event.gift.rarity] ?? LINGER_MS.common);
  const index = state.items.findIndex((item) => item.comboId === event.comboId);

  if (index >= 0) {
    const current = state.items[index]!;
    const updated: GiftOnScreen = {
      ...current,
      // Events come in seq order, so the combo only grows; max() keeps it so should one ever lag.
      combo: Math.max(current.combo, event.combo),
      tokens: event.tokens,
      bumps: current.bumps + 1,
      updatedAt: now,
      leaveAt,
      leaving: false,
    };
    const items = state.items.slice();
    items[index] = updated;
    return { items, streamTotal };
  }

  if (!animate) {
    return streamTotal === state.streamTotal ? state : { ...state, streamTotal };
  }

  const item: GiftOnScreen = {
    comboId: event.comboId,
    from: event.from,
    gift: event.gift,
    combo: event.combo,
    tokens: event.tokens,
    bumps: 0,
    updatedAt: now,
    leaveAt,
    leaving: false,
  };
  const items = [...state.items, item];
  return { items: items.length > MAX_ITEMS ? items.slice(items.length - MAX_ITEMS) : items, streamTotal };
}

function tick(state: GiftsState, now: number): GiftsState {
  let changed = false;
  const items: GiftOnScreen[] = [];
  for (const item of state.items) {
    if (now >= item.leaveAt + LEAVE_MS) {
      changed = true;
      continue;
    }
    if (now >= item.leaveAt && !item.leaving) {
      changed = true;
      items.push({ ...item, leaving: true });
      continue;
    }
    items.push(item);
  }
  return changed ? { ...state, items } : state;
}

/** When the next `tick` can change something, or null when nothing is on screen. */
export function nextTickAt(state: GiftsState): number | null {
  let next: number | null = null;
  for (const item of state.items) {
    const due = item.leaving ? item.leaveAt + LEAVE_MS : item.leaveAt;
    next = next === null ? due : Math.min(next, due);
  }
  return next;
}
