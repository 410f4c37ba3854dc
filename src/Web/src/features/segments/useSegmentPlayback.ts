import { useEffect, useState } from 'react';
import type { SegmentStartEvent } from '../../api/contract';
import type { StreamFeed } from '../streams/streamFeed';
import { isRunning } from './segmentClock';

/**
 * The pre-recorded clip the stream plays now, or null for live: from the join snapshot (a late joiner), then
 * `segment:start` and `segment:end`. A clip is also dropped at its end time, should its `segment:end` never come.
 */
export function useSegmentPlayback(feed: StreamFeed, offsetMs: number): SegmentStartEvent | null {
  const [segment, setSegment] = useState<SegmentStartEvent | null>(null);

  useEffect(
    () =>
      feed.subscribe((message) => {
        switch (message.kind) {
          case 'reset':
            setSegment(null);
            break;
          case 'snapshot':
            setSegment(message.result.segment ?? null);
            break;
          case 'event':
            if (message.event.type === 'segment:start') {
              setSegment(message.event);
            } else if (message.event.type === 'segment:end') {
              const ended = message.event.entryId;
              setSegment((current) => (current?.entryId === ended ? null : current));
            }
            break;
        }
      }),
    [feed],
  );

  useEffect(() => {
    if (!segment) {
      return;
    }
    if (!isRunning(segment, Date.now(), offsetMs)) {
      const timer = setTimeout(() => setSegment(null), 0);
      return () => clearTimeout(timer);
    }
    const timer = setTimeout(() => setSegment((current) => (current === segment ? null : current)), Date.parse(segment.endsAt) - offsetMs - Date.now() + 1000);
    return () => clearTimeout(timer);
  }, [segment, offsetMs]);

  return segment;
}
