import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { StreamLiveEvent } from '../../api/contract';
import { queryKeys } from '../../api/queries';
import { useLive } from '../../app/liveContext';
import { useSession } from '../auth/sessionContext';
import './discovery.css';

/** How long a go-live toast stays. */
export const LIVE_NOTICE_MS = 10_000;

/** The most toasts shown at once: a burst of go-lives keeps the newest. */
const MAX_NOTICES = 3;

/** `stream:live` (a creator I follow went live) as a toast with a link, whatever page is open. */
export function LiveNotices() {
  const live = useLive();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const userId = session?.user.id ?? null;
  const [notices, setNotices] = useState<StreamLiveEvent[]>([]);

  useEffect(
    () =>
      live.onUserEvent((event) => {
        if (event.type === 'stream:live') {
          setNotices((shown) => [...shown.filter((n) => n.streamId !== event.streamId), event].slice(-MAX_NOTICES));
          void queryClient.invalidateQueries({ queryKey: queryKeys.following(userId) });
        }
      }),
    [live, queryClient, userId],
  );
  const dismiss = useCallback((streamId: string) => setNotices((shown) => shown.filter((n) => n.streamId !== streamId)), []);

  if (notices.length === 0) {
    return null;
  }
  return (
    <ol className="live-notices" aria-label="Went live" aria-live="polite">
      {notices.map((notice) => (
        <LiveNotice key={notice.streamId} notice={notice} onDismiss={dismiss} />
      ))}
    </ol>
  );
}

function LiveNotice({ notice, onDismiss }: { notice: StreamLiveEvent; onDismiss(streamId: string): void }) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(notice.streamId), LIVE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice.streamId, onDismiss]);

  return (
    <li className="live-notice" data-testid="toast-stream-live" data-stream-id={notice.streamId}>
      <span className="badge badge--live">Live</span>
      <div className="live-notice__body">
        <p className="live-notice__title">{notice.creatorHandle} is live</p>
        <p className="live-notice__text">{notice.title}</p>
      </div>
      <Link className="button button--primary" to={`/watch/${encodeURIComponent(notice.streamId)}`} onClick={() => onDismiss(notice.streamId)}>
        Watch
      </Link>
      <button className="live-notice__close" type="button" aria-label="Dismiss" onClick={() => onDismiss(notice.streamId)}>
        ×
      </button>
    </li>
  );
}
