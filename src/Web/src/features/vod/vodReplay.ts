import type { ChatMessageEvent, Poll, StreamEvent, VodTimelinePage } from '../../api/contract';
import { initialMood, readMood, type MoodView } from '../mood/moodState';

/** One timeline event at its offset (ms) from the stream's start: what the VOD player replays. */
export interface TimelineItem {
  offsetMs: number;
  event: StreamEvent;
}

/** Chat lines the VOD keeps on screen. */
export const VOD_CHAT_LINES = 200;

/** What the VOD shows at the player's position, besides effects (gifts, overlay) that fire on the feed. */
export interface ReplayView {
  messages: ChatMessageEvent[];
  poll: Poll | null;
  mood: MoodView;
  /** The challenge's latest state as a line of text, or null. */
  challenge: string | null;
}

export const initialReplay: ReplayView = { messages: [], poll: null, mood: initialMood, challenge: null };

export type ReplayAction =
  | { type: 'reset' }
  /** A seek: the context before the new position replaces the view. */
  | { type: 'seek'; context: readonly TimelineItem[] }
  /** The player reached an event. */
  | { type: 'event'; event: StreamEvent };

/** The timeline page's entries as items; the server sends each event exactly as viewers received it live. */
export function itemsOf(entries: VodTimelinePage['entries']): TimelineItem[] {
  return entries.map((entry) => ({ offsetMs: entry.offsetMs, event: entry.event as StreamEvent }));
}

export function replayReducer(state: ReplayView, action: ReplayAction): ReplayView {
  switch (action.type) {
    case 'reset':
      return initialReplay;
    case 'seek':
      return action.context.reduce((view, item) => apply(view, item.event), initialReplay);
    case 'event':
      return apply(state, action.event);
  }
}

function apply(state: ReplayView, event: StreamEvent): ReplayView {
  switch (event.type) {
    case 'chat:message': {
      const messages = state.messages.length >= VOD_CHAT_LINES ? state.messages.slice(1 - VOD_CHAT_LINES) : state.messages.slice();
      messages.push(event);
      return { ...state, messages };
    }
    case 'poll:create':
    case 'poll:update':
    case 'poll:closed':
      return { ...state, poll: event.poll };
    case 'mood:state':
      return { ...state, mood: readMood(event, state.mood) ?? state.mood };
    case 'challenge:update': {
      const c = event.challenge;
      return { ...state, challenge: `${c.kind}: ${c.progress} / ${c.target} (${c.status})` };
    }
    default:
      return state;
  }
}

/** The items due at `positionMs`, taken off the front of `queue` (sorted by offset). */
export function takeDue(queue: TimelineItem[], positionMs: number): TimelineItem[] {
  let n = 0;
  while (n < queue.length && (queue[n]?.offsetMs ?? Infinity) <= positionMs) {
    n++;
  }
  return queue.splice(0, n);
}

/**
 * Whether the player moved to `positionMs` by a seek rather than by playing from `lastMs`: backwards, or further
 * forwards than playback goes between two time updates. A seek replays nothing of what it skipped.
 */
export function isJump(lastMs: number | null, positionMs: number): boolean {
  return lastMs === null || positionMs < lastMs - 250 || positionMs - lastMs > 2500;
}

/** `75500` → `1:15`, `3723000` → `1:02:03`. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
