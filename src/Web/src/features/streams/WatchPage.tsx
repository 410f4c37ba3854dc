import { Link, useParams } from 'react-router-dom';
import { ApiError, LiveError } from '../../api/errors';
import { useConnectionState } from '../../app/liveContext';
import { Avatar } from '../../components/Avatar';
import { timeAgo } from '../../lib/format';
import { useSession } from '../auth/sessionContext';
import { ChatPanel } from '../chat/ChatPanel';
import { GiftAnimations } from '../gifts/GiftAnimations';
import { GiftBar } from '../gifts/GiftBar';
import { useGiftFeed } from '../gifts/useGiftFeed';
import { OverlayLayer } from '../overlay/OverlayLayer';
import { useOverlay } from '../overlay/useOverlay';
import { StatusBadge } from './StatusBadge';
import { useStreamRoom } from './useStreamRoom';
import { VideoStage } from './VideoStage';

function isNotFound(error: Error | null): boolean {
  return (error instanceof ApiError || error instanceof LiveError) && error.code === 'not_found';
}

/** `/watch/:streamId`: the player area with gifts and overlay effects over it, the gift bar, the stream's state, and live chat. */
export function WatchPage() {
  const { streamId = '' } = useParams();
  const { session } = useSession();
  const room = useStreamRoom(streamId);
  const connection = useConnectionState();
  const { stream, viewerCount, messages, error } = room;
  const gifts = useGiftFeed(room.feed);
  const overlay = useOverlay(room.feed);

  if (isNotFound(error)) {
    return (
      <div className="page">
        <div className="empty">
          <h1>Stream not found</h1>
          <p>It may have been removed, or the link is wrong.</p>
          <Link className="button button--primary" to="/">
            See who is live
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className="watch">
      <section className="watch__main">
        <div className="stage-frame">
          <VideoStage stream={stream} viewerCount={viewerCount} />
          <GiftAnimations items={gifts.items} />
          <OverlayLayer overlay={overlay} feed={room.feed} />
        </div>
        <GiftBar stream={stream} session={session} />
        <div className="watch__info">
          {stream ? (
            <h1 className="watch__title" data-testid="stream-title">
              {stream.title}
            </h1>
          ) : (
            <div className="skeleton skeleton--title" aria-label="Loading" />
          )}
          <div className="watch__meta">
            {stream && (
              <span className="watch__creator">
                <Avatar handle={stream.creatorHandle} size={28} />
                <span>{stream.creatorHandle}</span>
              </span>
            )}
            {stream && <span className="chip">{stream.category}</span>}
            {stream && <StatusBadge status={stream.status} testId="stream-status" />}
            {stream?.status === 'live' && stream.startedAt && (
              <span className="muted">started {timeAgo(stream.startedAt)}</span>
            )}
            {gifts.streamTotal !== null && (
              <span className="watch__gifts" title="Tokens gifted to this stream">
                <span aria-hidden="true">🎁</span>
                <span data-testid="stream-gift-total">{gifts.streamTotal}</span>
                <span className="muted">gifted</span>
              </span>
            )}
            <span className="watch__viewers" title="People watching now">
              <span className="eye" aria-hidden="true" />
              <span data-testid="viewer-count">{viewerCount ?? 0}</span>
              <span className="muted">watching</span>
            </span>
            <span className={`connection connection--${connection}`} title="Realtime connection">
              <span className="dot" aria-hidden="true" />
              <span data-testid="connection-state">{connection}</span>
            </span>
          </div>
          {error && !isNotFound(error) && (
            <p className="notice notice--error" role="alert">
              {error.message}
            </p>
          )}
        </div>
      </section>
      <aside className="watch__chat">
        <ChatPanel
          key={streamId}
          stream={stream}
          messages={messages}
          session={session}
          onSend={room.send}
          slowMotion={overlay.slowMotion}
        />
      </aside>
    </div>
  );
}
