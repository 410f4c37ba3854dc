import { useEffect } from 'react';
import { useConnectionState, useLive } from '../../app/liveContext';
import { useProgress } from './progressContext';

/** Every 30 s, as the server counts watch time (at most once per 30 s per user). */
export const HEARTBEAT_MS = 30_000;
/** The first one, shortly after joining. */
export const FIRST_HEARTBEAT_MS = 3_000;

/**
 * While `active` (a live stream's watch page, signed in, connected) sends `watch:heartbeat` with the page's
 * visibility, and puts each answer into the header's progress. Failures are ignored: the next beat comes anyway.
 */
export function useWatchHeartbeat(streamId: string, active: boolean): void {
  const live = useLive();
  const connected = useConnectionState() === 'connected';
  const { applyChange } = useProgress();

  useEffect(() => {
    if (!active || !connected || !streamId) {
      return;
    }
    let stopped = false;
    const beat = () => {
      live.heartbeat({ streamId, visible: document.visibilityState === 'visible' }).then(
        (change) => {
          if (!stopped && change) {
            applyChange(change);
          }
        },
        () => {
          // not_live, offline, rate_limited: nothing to show; the next beat tries again.
        },
      );
    };
    const first = setTimeout(beat, FIRST_HEARTBEAT_MS);
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [live, streamId, active, connected, applyChange]);
}
