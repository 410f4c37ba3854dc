import { useCallback, useEffect, useReducer, useState } from 'react';
import type { ChatMessageEvent } from '../../api/contract';
import { useLive } from '../../app/liveContext';
import { useSession } from '../auth/sessionContext';
import { StreamFeed } from './streamFeed';
import { initialRoom, roomReducer, type RoomState } from './streamRoom';

export interface StreamRoom extends RoomState {
  /** Sends a chat message; rejects with a LiveError (`rate_limited`, `not_live`, …). */
  send(text: string): Promise<ChatMessageEvent>;
  /** Every snapshot and event of the stream, in order, for the page's other features (gifts, overlay, wheel). */
  feed: StreamFeed;
}

/**
 * Watches one stream: joins it on the hub on mount (leaving on unmount) and keeps its view, events applied in
 * order and exactly once. A REST fetch fills the page until the hub's snapshot arrives.
 */
export function useStreamRoom(streamId: string): StreamRoom {
  const live = useLive();
  const { api } = useSession();
  const [state, dispatch] = useReducer(roomReducer, initialRoom);
  const [feed] = useState(() => new StreamFeed());

  useEffect(() => {
    dispatch({ type: 'reset' });
    feed.publish({ kind: 'reset', streamId });
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
      snapshot: (result) => {
        dispatch({ type: 'snapshot', result });
        feed.publish({ kind: 'snapshot', result });
      },
      event: (event, { replayed }) => {
        dispatch({ type: 'event', event });
        feed.publish({ kind: 'event', event, replayed });
      },
      error: (error) => dispatch({ type: 'joinFailed', error }),
    });
    return () => {
      controller.abort();
      unwatch();
    };
  }, [api, feed, live, streamId]);

  const send = useCallback((text: string) => live.sendChat(streamId, text), [live, streamId]);
  return { ...state, send, feed };
}
