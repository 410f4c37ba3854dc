// Taps of a reaction held for a moment and sent together. The first tap of a mood after a quiet spell goes out at
// once; the taps of that mood that follow within the batch window are summed and go out as one `mood:react` with
// their `count` when the window ends, and the window starts over from that send. A viewer spamming one mood costs
// the server at most about 4 messages a second for it instead of 10. Each mood is held on its own. Pure: time comes
// in, and no timers: the caller wakes at `nextFlushAt` and calls `flushDue`.

import { MOODS, type Mood } from '../../api/contract';

/** How long the taps of a mood that follow a send are held before they go out together. */
export const BATCH_WINDOW_MS = 250;
/** The most taps one `mood:react` carries (the server refuses a `count` above it); more go out as several. */
export const MAX_TAPS_PER_SEND = 10;

export interface HeldMood {
  /** The last send of the mood plus the window: until then its taps are held. */
  windowEnds: number;
  /** The taps held since that send, to go out at `windowEnds`. */
  taps: number;
}

export interface ReactionBatch {
  /** Only the moods sent within the last window (or with taps held). */
  moods: Partial<Record<Mood, HeldMood>>;
}

/** One `mood:react` to send now: `count` taps of `mood`, 1 to MAX_TAPS_PER_SEND. */
export interface ReactionSend {
  mood: Mood;
  count: number;
}

export interface BatchStep {
  batch: ReactionBatch;
  /** What goes out now, one message each (empty: nothing). */
  send: ReactionSend[];
}

export const initialBatch: ReactionBatch = { moods: {} };

/** `taps` of `mood` as messages of at most `max` taps each. */
export function splitTaps(mood: Mood, taps: number, max = MAX_TAPS_PER_SEND): ReactionSend[] {
  const size = Math.max(1, Math.floor(max));
  const send: ReactionSend[] = [];
  for (let left = Math.floor(taps); left > 0; left -= size) {
    send.push({ mood, count: Math.min(size, left) });
  }
  return send;
}

/**
 * One tap of `mood` (one the limiter let through): held while the mood's window runs, sent at once after a quiet
 * window (then with any taps still held, should the wake for them have come late), which starts the window over.
 */
export function tapReaction(batch: ReactionBatch, mood: Mood, now: number, windowMs = BATCH_WINDOW_MS): BatchStep {
  const held = batch.moods[mood];
  if (held && now < held.windowEnds) {
    return { batch: { moods: { ...batch.moods, [mood]: { ...held, taps: held.taps + 1 } } }, send: [] };
  }
  const taps = (held?.taps ?? 0) + 1;
  return {
    batch: { moods: { ...batch.moods, [mood]: { windowEnds: now + windowMs, taps: 0 } } },
    send: splitTaps(mood, taps),
  };
}

/**
 * Time passed: each mood whose window ended with taps held sends them, as one message (more only beyond
 * MAX_TAPS_PER_SEND), and its window starts over from now; a mood whose window ended with none held is forgotten,
 * so that its next tap goes out at once. The same batch back when nothing was due.
 */
export function flushDue(batch: ReactionBatch, now: number, windowMs = BATCH_WINDOW_MS): BatchStep {
  const moods: Partial<Record<Mood, HeldMood>> = {};
  const send: ReactionSend[] = [];
  let changed = false;
  for (const mood of MOODS) {
    const held = batch.moods[mood];
    if (!held) {
      continue;
    }
    if (now < held.windowEnds) {
      moods[mood] = held;
    } else if (held.taps > 0) {
      send.push(...splitTaps(mood, held.taps));
      moods[mood] = { windowEnds: now + windowMs, taps: 0 };
      changed = true;
    } else {
      changed = true;
    }
  }
  return changed ? { batch: { moods }, send } : { batch, send };
}

/** Everything held goes out now, windows or not (another stream, the page goes); nothing is held after. */
export function flushAll(batch: ReactionBatch): BatchStep {
  const send: ReactionSend[] = [];
  for (const mood of MOODS) {
    send.push(...splitTaps(mood, batch.moods[mood]?.taps ?? 0));
  }
  return { batch: initialBatch, send };
}

/** When the next held taps are due (to wake and `flushDue` them), or null when none are held. */
export function nextFlushAt(batch: ReactionBatch): number | null {
  let next: number | null = null;
  for (const mood of MOODS) {
    const held = batch.moods[mood];
    if (held && held.taps > 0) {
      next = next === null ? held.windowEnds : Math.min(next, held.windowEnds);
    }
  }
  return next;
}
