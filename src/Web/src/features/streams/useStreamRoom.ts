import { useCallback, useEffect, useReducer } from 'react';
import type { ChatMessageEvent } from '../../api/types';
import { useLive } from '../../app/liveContext';
import { useSession } from '../auth/sessionContext';
import { initialRoom, roomReducer, type RoomState } from './streamRoom';

export interface StreamRoom extends RoomState {
  /** Sends a chat message; rejects with a LiveError (`rate_limited`, `not_live`, …). */
  send(text: string): Promise<ChatMessageEvent>;
}

/**
 * Watches one stream: joins it on the hub on mount (leaving on unmount) and keeps its view, events applied in
 * order and exactly once. A REST fetch fills the page until the hub's snapshot arrives.
 */
export function useStreamRoom(streamId: string): StreamRoom {
  const live = useLive();
  const { api } = useSession();
  const [state, dispatch] = useReducer(roomReducer, initialRoom);

  useEffect(() => {
    dispatch({ type: 'reset' });
    const controller = new AbortController();
    api.getStream(streamId, controller.signal).then(
      (stream) => dispatch({ type: 'fetched', stream }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          dispatch({ type: 'fetchFailed', error: error instanceof Error ? error : new Error(String(error)) });
        }
      },
    );
    const unwatch = live.watch(streamId, {
      snapshot: (result) => dispatch({ type: 'snapshot', result }),
      event: (event) => dispatch({ type: 'event', event }),
      error: (error) => dispatch({ type: 'joinFailed', error }),
    });
    return () => {
      controller.abort();
      unwatch();
    };
  }, [api, live, streamId]);

  const send = useCallback((text: string) => live.sendChat(streamId, text), [live, streamId]);
  return { ...state, send };
}
