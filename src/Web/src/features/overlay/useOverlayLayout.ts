import { useEffect, useState } from 'react';
import type { OverlayLayout } from '../../api/contract';
import { useSession } from '../auth/sessionContext';
import type { StreamFeed } from '../streams/streamFeed';
import { DEFAULT_LAYOUT, readLayout } from './overlayLayout';

/**
 * The creator's layout for the watched stream: the join snapshot's `overlay` (or `GET /api/streams/{id}/overlay`
 * when a server's snapshot lacks it), then every `overlay:update`, replayed ones too (a layout is state, not an
 * effect).
 */
export function useOverlayLayout(feed: StreamFeed, streamId: string): OverlayLayout {
  const { api } = useSession();
  const [layout, setLayout] = useState<OverlayLayout>(DEFAULT_LAYOUT);

  useEffect(() => {
    let fetching: AbortController | null = null;
    const unsubscribe = feed.subscribe((message) => {
      if (message.kind === 'reset') {
        fetching?.abort();
        setLayout(DEFAULT_LAYOUT);
      } else if (message.kind === 'snapshot') {
        fetching?.abort();
        if (message.result.overlay !== undefined) {
          setLayout(readLayout(message.result.overlay));
          return;
        }
        const controller = new AbortController();
        fetching = controller;
        api.getOverlay(streamId, controller.signal).then(
          (fetched) => {
            if (!controller.signal.aborted) {
              setLayout(readLayout(fetched));
            }
          },
          () => {
            // The default stays until the creator's next overlay:update.
          },
        );
      } else if (message.event.type === 'overlay:update') {
        fetching?.abort(); // an answer to an older request must not undo this
        setLayout(readLayout(message.event.layout));
      }
    });
    return () => {
      fetching?.abort();
      unsubscribe();
    };
  }, [api, feed, streamId]);

  return layout;
}
