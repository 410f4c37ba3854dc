import { useEffect, useReducer, useRef, useState } from 'react';
import { useSession } from '../auth/sessionContext';
import { StreamFeed } from '../streams/streamFeed';
import { initialReplay, isJump, itemsOf, replayReducer, takeDue, type ReplayView, type TimelineItem } from './vodReplay';

/** Entries asked for per page; the next page is fetched while this many are still ahead. */
const PAGE = 500;
const LOW_WATER = 100;

export interface VodReplay extends ReplayView {
  /** Gifts and overlay effects fire on it, as on the watch page's live feed. */
  feed: StreamFeed;
  error: string | null;
}

interface Cursor {
  lastMs: number | null;
  queue: TimelineItem[];
  nextSeq: number | null;
  fetching: boolean;
  /** Bumped by each seek: an answer to an older seek is dropped. */
  generation: number;
}

/**
 * Replays a VOD's timeline in step with the player's position: a seek (or the first position) loads the entries from
 * there with the context before it (the chat said so far, the poll, the mood), and playing releases each entry when
 * the position passes its offset, so gifts and overlay effects fire then. Later pages load ahead of the position.
 */
export function useVodReplay(streamId: string, positionMs: number | null): VodReplay {
  const { api } = useSession();
  const [feed] = useState(() => new StreamFeed());
  const [view, dispatch] = useReducer(replayReducer, initialReplay);
  const [error, setError] = useState<string | null>(null);
  const cursor = useRef<Cursor>({ lastMs: null, queue: [], nextSeq: null, fetching: false, generation: 0 });

  useEffect(() => {
    if (positionMs === null) {
      return;
    }
    const c = cursor.current;
    const release = (position: number) => {
      for (const item of takeDue(c.queue, position)) {
        dispatch({ type: 'event', event: item.event });
        feed.publish({ kind: 'event', event: item.event, replayed: false });
      }
    };

    if (isJump(c.lastMs, positionMs)) {
      const generation = ++c.generation;
      c.lastMs = positionMs;
      c.queue = [];
      c.nextSeq = null;
      c.fetching = true;
      api.getVodTimeline(streamId, { fromMs: Math.floor(positionMs), limit: PAGE }).then(
        (page) => {
          if (generation !== c.generation) {
            return;
          }
          c.fetching = false;
          c.queue = itemsOf(page.entries);
          c.nextSeq = page.nextSeq;
          feed.publish({ kind: 'reset', streamId });
          dispatch({ type: 'seek', context: itemsOf(page.context) });
          setError(null);
          release(c.lastMs ?? positionMs);
        },
        (e: unknown) => {
          if (generation === c.generation) {
            c.fetching = false;
            setError(e instanceof Error ? e.message : String(e));
          }
        },
      );
      return;
    }

    c.lastMs = positionMs;
    if (c.fetching) {
      return; // released once the seek's page is in
    }
    release(positionMs);
    if (c.queue.length < LOW_WATER && c.nextSeq !== null) {
      const generation = c.generation;
      c.fetching = true;
      api.getVodTimeline(streamId, { afterSeq: c.nextSeq, limit: PAGE }).then(
        (page) => {
          if (generation !== c.generation) {
            return;
          }
          c.fetching = false;
          c.queue.push(...itemsOf(page.entries));
          c.nextSeq = page.nextSeq;
        },
        () => {
          if (generation === c.generation) {
            c.fetching = false; // tried again at the next position
          }
        },
      );
    }
  }, [api, feed, positionMs, streamId]);

  return { ...view, feed, error };
}
