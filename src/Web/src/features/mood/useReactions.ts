import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Mood } from '../../api/contract';
import { toLiveError } from '../../api/errors';
import { useLive } from '../../app/liveContext';
import { useWakeAt } from '../../lib/useWakeAt';
import { expireFloating, initialFloating, nextFloatingExpiry, spawnFloating, type FloatingEmoji, type FloatingState } from './floatingEmoji';
import { flushAll, flushDue, initialBatch, nextFlushAt, tapReaction, type BatchStep, type ReactionBatch, type ReactionSend } from './reactionBatch';
import { takeTaps } from './reactionLimiter';

export interface Reactions {
  /** The emoji rising over the video. */
  floating: readonly FloatingEmoji[];
  /**
   * One click: an emoji rises at once, and the tap goes to the stream's mood: the first of a mood after a quiet
   * spell at once, those that follow within 250 ms summed into one `mood:react` with their `count` when that window
   * ends (reactionBatch.ts), so at most about 4 messages a second per mood; up to the server's 10 taps a second,
   * counted as they leave (reactionLimiter.ts).
   */
  react(mood: Mood): void;
  /** A short word when reactions were dropped or could not be sent. */
  notice: string | null;
}

const NOTICE_MS = 2_500;
const NOT_COUNTED = 'Easy! Some reactions were not counted.';

type FloatingAction = { type: 'spawn'; mood: Mood; now: number } | { type: 'expire'; now: number } | { type: 'reset' };

function floatingReducer(state: FloatingState, action: FloatingAction): FloatingState {
  switch (action.type) {
    case 'spawn':
      return spawnFloating(state, action.mood, action.now);
    case 'expire':
      return expireFloating(state, action.now);
    case 'reset':
      return initialFloating;
  }
}

/**
 * The viewer's own reactions: the emoji they make rise, and sending them to the stream's mood, the taps of a mood
 * held for up to 250 ms and sent together.
 */
export function useReactions(streamId: string): Reactions {
  const live = useLive();
  const [floating, dispatch] = useReducer(floatingReducer, initialFloating);
  const sentAt = useRef<number[]>([]);
  const batch = useRef<ReactionBatch>(initialBatch);
  const [flushAt, setFlushAt] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null);

  /**
   * One `mood:react` per send, with the taps the limit still allows (none: not sent); `quiet` when the viewer has
   * moved on, and a dropped or failed send is not news.
   */
  const send = useCallback(
    (target: string, sends: readonly ReactionSend[], now: number, quiet = false) => {
      for (const { mood, count: wanted } of sends) {
        const limit = takeTaps(sentAt.current, now, wanted);
        sentAt.current = limit.sentAt;
        const count = limit.granted;
        if (count < wanted && !quiet) {
          setNotice({ text: NOT_COUNTED, at: now });
        }
        if (count === 0) {
          continue; // the server would drop it: over 10 taps a second
        }
        live.react({ streamId: target, mood, count }).then(
          (result) => {
            if (!quiet && result && result.accepted === false) {
              setNotice({ text: NOT_COUNTED, at: now });
            }
          },
          (caught: unknown) => {
            if (quiet) {
              return;
            }
            const error = toLiveError(caught);
            setNotice({ text: error.code === 'offline' ? 'Offline: reactions are not sent.' : error.message, at: now });
          },
        );
      }
    },
    [live],
  );

  const apply = useCallback(
    (step: BatchStep, now: number) => {
      batch.current = step.batch;
      setFlushAt(nextFlushAt(step.batch));
      send(streamId, step.send, now);
    },
    [send, streamId],
  );

  // Another stream: its floating emoji and notice go (the send times stay: the server's limit is the viewer's, on
  // any stream).
  const [shownFor, setShownFor] = useState(streamId);
  if (shownFor !== streamId) {
    setShownFor(streamId);
    dispatch({ type: 'reset' });
    setNotice(null);
  }

  useEffect(
    () => () => {
      // Another stream, or the page goes: the taps still held go out now, to the stream they were made on (not
      // dropped: the limiter let them through and their emoji rose). The wake for them is cleared with `flushAt`.
      const step = flushAll(batch.current);
      batch.current = step.batch;
      setFlushAt(null);
      send(streamId, step.send, Date.now(), true);
    },
    [send, streamId],
  );

  useEffect(() => {
    if (!notice) {
      return;
    }
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const expire = useCallback((now: number) => dispatch({ type: 'expire', now }), []);
  useWakeAt(nextFloatingExpiry(floating), expire);

  // Woken for the held taps: no earlier than they are due, so that a timer a little early (a coarse clock) still
  // sends them instead of finding nothing due and never waking again.
  const flush = useCallback(
    (now: number) => apply(flushDue(batch.current, Math.max(now, nextFlushAt(batch.current) ?? now)), now),
    [apply],
  );
  useWakeAt(flushAt, flush);

  const react = useCallback(
    (mood: Mood) => {
      const now = Date.now();
      dispatch({ type: 'spawn', mood, now });
      apply(tapReaction(batch.current, mood, now), now);
    },
    [apply],
  );

  return { floating: floating.items, react, notice: notice?.text ?? null };
}
