import { useCallback, useEffect, useReducer } from 'react';
import { useSession } from '../../auth/sessionContext';
import type { StreamFeed } from '../../streams/streamFeed';
import { initialWheel, wheelReducer, type WheelState } from './wheelRounds';

export interface WheelRounds extends WheelState {
  dismiss(): void;
}

/**
 * The stream's spin-wheel rounds: commitments, spins (spin-wheel triggers; replayed ones are shown landed, not
 * spun) and reveals. The open commitment is also fetched when a stream is shown, so that a round committed before
 * the viewer arrived is still checked against a hash learned before its spin.
 */
export function useWheelRounds(feed: StreamFeed): WheelRounds {
  const { api } = useSession();
  const [state, dispatch] = useReducer(wheelReducer, initialWheel);

  useEffect(() => {
    let fetching: AbortController | null = null;

    const fetchCommitment = (streamId: string) => {
      fetching?.abort();
      const controller = new AbortController();
      fetching = controller;
      api.getWheel(streamId, controller.signal).then(
        ({ roundId, seedHash }) => {
          if (!controller.signal.aborted && roundId !== null && roundId !== undefined && seedHash) {
            dispatch({ type: 'commit', event: { roundId, seedHash } });
          }
        },
        () => {
          // Without it, the round is checked against the hash its spin announced.
        },
      );
    };

    const unsubscribe = feed.subscribe((message) => {
      if (message.kind === 'reset') {
        dispatch({ type: 'reset' });
        fetchCommitment(message.streamId);
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
    });

    return () => {
      fetching?.abort();
      unsubscribe();
    };
  }, [api, feed]);

  const dismiss = useCallback(() => dispatch({ type: 'dismiss' }), []);
  return { ...state, dismiss };
}
