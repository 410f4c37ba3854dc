import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { ConnectionState, LiveConnection } from '../api/hub';

export const LiveContext = createContext<LiveConnection | null>(null);

/** The app's one hub connection. */
export function useLive(): LiveConnection {
  const live = useContext(LiveContext);
  if (!live) {
    throw new Error('useLive must be used inside <LiveProvider>.');
  }
  return live;
}

/** The hub connection's state, re-rendering on every change. */
export function useConnectionState(): ConnectionState {
  const live = useLive();
  const subscribe = useCallback((onChange: () => void) => live.onStateChange(onChange), [live]);
  return useSyncExternalStore(subscribe, () => live.state);
}
