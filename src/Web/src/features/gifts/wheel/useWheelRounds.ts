import { useCallback, useEffect, useReducer } from 'react';
import type { StreamFeed } from '../../streams/streamFeed';
import { initialWheel, wheelReducer, type WheelState } from './wheelRounds';

export interface WheelRounds extends WheelState {
  dismiss(): void;
}

/**
 * The stream's spin-wheel rounds: commitments, spins (spin-wheel triggers; replayed ones are shown landed, not
 * spun) and reveals.
 */
export function useWheelRounds(feed: StreamFeed): WheelRounds {
  const [state, dispatch] = useReducer(wheelReducer, initialWheel);

  useEffect(
    () =>
      feed.subscribe((message) => {
        if (message.kind === 'reset') {
          dispatch({ type: 'reset' });
          return;
        }
        if (message.kind !== 'event') {
          return;
        }
        const { event, replayed } = message;
        if (event.type === 'wheel:commit') {
          dispatch({ type: 'commit', event });
        } else if (event.type === 'wheel:result') {
          dispatch({ type: 'result', event });
        } else if (event.type === 'overlay:trigger' && event.action === 'spin-wheel') {
          dispatch({ type: 'spin', event, animate: !replayed });
        }
      }),
    [feed],
  );

  const dismiss = useCallback(() => dispatch({ type: 'dismiss' }), []);
  return { ...state, dismiss };
}
