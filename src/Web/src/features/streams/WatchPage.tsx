import { Link, useParams } from 'react-router-dom';
import { ApiError, LiveError } from '../../api/errors';
import { useConnectionState } from '../../app/liveContext';
import { Avatar } from '../../components/Avatar';
import { timeAgo } from '../../lib/format';
import { cssVars } from '../../lib/cssVars';
import { useSession } from '../auth/sessionContext';
import { ChatPanel } from '../chat/ChatPanel';
import { PollCreateForm } from '../engagement/polls/PollCreateForm';
import { PollWidget } from '../engagement/polls/PollWidget';
import { usePoll } from '../engagement/polls/usePoll';
import { GiftAnimations } from '../gifts/GiftAnimations';
import { GiftBar } from '../gifts/GiftBar';
import { useGiftFeed } from '../gifts/useGiftFeed';
import { FloatingEmojiLayer } from '../mood/FloatingEmojiLayer';
import { MoodMeter } from '../mood/MoodMeter';
import { MoodThemeToggle } from '../mood/MoodThemeToggle';
import { ReactionBar } from '../mood/ReactionBar';
import { useMood } from '../mood/useMood';
import { useReactions } from '../mood/useReactions';
import { OverlayLayer } from '../overlay/OverlayLayer';
import { useOverlay } from '../overlay/useOverlay';
import { StatusBadge } from './StatusBadge';
import { useStreamRoom } from './useStreamRoom';
import { VideoStage } from './VideoStage';

function isNotFound(error: Error | null): boolean {
  return (error instanceof ApiError || error instanceof LiveError) && error.code === 'not_found';
}

/**
 * `/watch/:streamId`: the player area with gifts, reactions and overlay effects over it, the reaction bar and mood
 * meter, the gift bar, the stream's state, the poll and live chat; for the host, "Start a poll" and the mood theme
 * switch. The page wears the mood theme when the creator enabled it.
 */
export function WatchPage() {
  const { streamId = '' } = useParams();
  const { session } = useSession();
  const room = useStreamRoom(streamId);
  const connection = useConnectionState();
  const { stream, viewerCount, messages, error } = room;
  const gifts = useGiftFeed(room.feed);
  const overlay = useOverlay(room.feed);
  const polls = usePoll(room.feed, streamId);
  const mood = useMood(room.feed, streamId);
  const reactions = useReactions(streamId);
  const isHost = session !== null && stream !== null && (session.user.id === stream.creatorId || session.user.role === 'admin');

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
    <div
      className={`watch${mood.theme.mood ? ' watch--mood' : ''}`}
      data-mood={mood.theme.mood ?? undefined}
      style={cssVars(mood.theme.vars)}
    >
      <section className="watch__main">
        <div className="stage-frame">
          <VideoStage stream={stream} viewerCount={viewerCount} />
          <GiftAnimations items={gifts.items} />
          <FloatingEmojiLayer items={reactions.floating} />
          <OverlayLayer overlay={overlay} feed={room.feed} />
        </div>
        <section className="engage-bar" aria-label="Reactions and mood">
          <ReactionBar session={session} onReact={reactions.react} notice={reactions.notice} />
          <div className="engage-bar__mood">
            <MoodMeter mood={mood.mood} />
            {isHost && (
              <MoodThemeToggle
                enabled={mood.mood.themeEnabled}
                busy={mood.themeBusy}
                error={mood.themeError}
                onChange={mood.setThemeEnabled}
              />
            )}
          </div>
        </section>
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
        {isHost && (
          <section className="host-tools" aria-label="Host tools">
            <PollCreateForm stream={stream} poll={polls.poll} onCreated={polls.received} />
          </section>
        )}
      </section>
      <aside className="watch__chat">
        <PollWidget key={streamId} controller={polls} session={session} isHost={isHost} />
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
