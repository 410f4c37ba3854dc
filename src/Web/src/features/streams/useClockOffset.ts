import { useEffect, useRef, useState } from 'react';
import { nextClockOffset } from '../engagement/polls/pollView';
import type { StreamFeed } from './streamFeed';

/**
 * The server's clock minus ours (ms), learned from the `at` of live events (0 until one arrives), in quarter seconds
 * so that it does not re-render the page for every event. Countdowns use it to end when the server's deadline does.
 */
export function useClockOffset(feed: StreamFeed): number {
  const [offsetMs, setOffsetMs] = useState(0);
  const offset = useRef<number | null>(null);
  useEffect(
    () =>
      feed.subscribe((message) => {
        if (message.kind === 'event' && !message.replayed) {
          offset.current = nextClockOffset(offset.current, message.event.at, Date.now());
          setOffsetMs(Math.round((offset.current ?? 0) / 250) * 250);
        }
      }),
    [feed],
  );
  return offsetMs;
}
