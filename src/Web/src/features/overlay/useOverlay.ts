import { useCallback, useEffect, useReducer } from 'react';
import { useWakeAt } from '../../lib/useWakeAt';
import type { StreamFeed } from '../streams/streamFeed';
import { initialOverlay, nextOverlayTickAt, overlayReducer, type ActiveEffect } from './overlayActions';

export interface Overlay {
  /** The effects on screen. */
  active: readonly ActiveEffect[];
  /** A slow-mo-chat is running: the chat shows new messages in slow motion. */
  slowMotion: boolean;
}

/**
 * Runs the stream's `overlay:trigger` actions (but the spin-wheel, which the wheel runs). Triggers that happened
 * while the viewer was away (a re-join's replay) are not played late.
 */
export function useOverlay(feed: StreamFeed): Overlay {
  const [state, dispatch] = useReducer(overlayReducer, initialOverlay);

  useEffect(
    () =>
      feed.subscribe((message) => {
        if (message.kind === 'reset') {
          dispatch({ type: 'reset' });
        } else if (message.kind === 'event' && message.event.type === 'overlay:trigger' && !message.replayed) {
          dispatch({ type: 'trigger', event: message.event, now: Date.now() });
        }
      }),
    [feed],
  );

  const tick = useCallback((now: number) => dispatch({ type: 'tick', now }), []);
  useWakeAt(nextOverlayTickAt(state), tick);

  return { active: state.active, slowMotion: state.active.some((a) => a.effect.action === 'slow-mo-chat') };
}
