import { useCallback, useEffect, useReducer } from 'react';
import { useWakeAt } from '../../lib/useWakeAt';
import type { StreamFeed } from '../streams/streamFeed';
import { giftsReducer, initialGifts, nextTickAt, type GiftsState } from './combos';

/** The gifts on screen (one per combo) and the stream's gift total, from the stream's `gift:received` events. */
export function useGiftFeed(feed: StreamFeed): GiftsState {
  const [state, dispatch] = useReducer(giftsReducer, initialGifts);

  useEffect(
    () =>
      feed.subscribe((message) => {
        if (message.kind === 'reset') {
          dispatch({ type: 'reset' });
        } else if (message.kind === 'snapshot') {
          dispatch({ type: 'snapshot', streamTotal: message.result.gifts?.totalTokens });
        } else if (message.kind === 'event' && message.event.type === 'gift:received') {
          dispatch({ type: 'received', event: message.event, now: Date.now(), animate: !message.replayed });
        }
      }),
    [feed],
  );

  const tick = useCallback((now: number) => dispatch({ type: 'tick', now }), []);
  useWakeAt(nextTickAt(state), tick);
  return state;
}
