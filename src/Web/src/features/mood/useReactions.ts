import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Mood } from '../../api/types';
import { toLiveError } from '../../api/errors';
import { useLive } from '../../app/liveContext';
import { useWakeAt } from '../../lib/useWakeAt';
import { expireFloating, initialFloating, nextFloatingExpiry, spawnFloating, type FloatingEmoji, type FloatingState } from './floatingEmoji';
import { allowReaction } from './reactionLimiter';

export interface Reactions {
  /** The emoji rising over the video. */
  floating: readonly FloatingEmoji[];
  /** One click: an emoji rises, and `mood:react` goes out (up to the server's 10 a second). */
  react(mood: Mood): void;
  /** A short word when reactions were dropped or could not be sent. */
  notice: string | null;
}

const NOTICE_MS = 2_500;

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

/** The viewer's own reactions: the emoji they make rise, and sending them to the stream's mood. */
export function useReactions(streamId: string): Reactions {
  const live = useLive();
  const [floating, dispatch] = useReducer(floatingReducer, initialFloating);
  const sentAt = useRef<number[]>([]);
  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null);

  useEffect(() => {
    dispatch({ type: 'reset' });
    sentAt.current = [];
    setNotice(null);
  }, [streamId]);

  useEffect(() => {
    if (!notice) {
      return;
    }
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const expire = useCallback((now: number) => dispatch({ type: 'expire', now }), []);
  useWakeAt(nextFloatingExpiry(floating), expire);

  const react = useCallback(
    (mood: Mood) => {
      const now = Date.now();
      dispatch({ type: 'spawn', mood, now });
      const limit = allowReaction(sentAt.current, now);
      sentAt.current = limit.sentAt;
      if (!limit.allowed) {
        return; // the server would drop it: over 10 a second
      }
      live.react({ streamId, mood }).then(
        (result) => {
          if (result && result.accepted === false) {
            setNotice({ text: 'Easy! Some reactions were not counted.', at: now });
          }
        },
        (caught: unknown) => {
          const error = toLiveError(caught);
          setNotice({ text: error.code === 'offline' ? 'Offline: reactions are not sent.' : error.message, at: now });
        },
      );
    },
    [live, streamId],
  );

  return { floating: floating.items, react, notice: notice?.text ?? null };
}
