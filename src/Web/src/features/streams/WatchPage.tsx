import { useId, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, LiveError } from '../../api/errors';
import { useConnectionState } from '../../app/liveContext';
import { Avatar } from '../../components/Avatar';
import { cssVars } from '../../lib/cssVars';
import { timeAgo } from '../../lib/format';
import { useSession } from '../auth/sessionContext';
import { ChatPanel } from '../chat/ChatPanel';
import { useChatModeration, useChatRestriction } from '../chat/useChatModeration';
import { ChallengeBar } from '../engagement/challenges/ChallengeBar';
import { ChallengeForm } from '../engagement/challenges/ChallengeForm';
import { useChallenge } from '../engagement/challenges/useChallenge';
import { MarkMoment } from '../engagement/moments/MarkMoment';
import { MomentBanner } from '../engagement/moments/MomentBanner';
import { MomentsList } from '../engagement/moments/MomentsList';
import { MomentToasts } from '../engagement/moments/MomentToasts';
import { useMoments } from '../engagement/moments/useMoments';
import { PollCreateForm } from '../engagement/polls/PollCreateForm';
import { PollWidget } from '../engagement/polls/PollWidget';
import { usePoll } from '../engagement/polls/usePoll';
import { QaPanel } from '../engagement/qa/QaPanel';
import { useQa } from '../engagement/qa/useQa';
import { GiftAnimations } from '../gifts/GiftAnimations';
import { GiftBar } from '../gifts/GiftBar';
import { useGiftFeed } from '../gifts/useGiftFeed';
import { FloatingEmojiLayer } from '../mood/FloatingEmojiLayer';
import { LeaderboardPanel } from '../leaderboards/LeaderboardPanel';
import { useStreamLeaderboard } from '../leaderboards/useStreamLeaderboard';
import { MoodMeter } from '../mood/MoodMeter';
import { MoodThemeToggle } from '../mood/MoodThemeToggle';
import { ReactionBar } from '../mood/ReactionBar';
import { useMood } from '../mood/useMood';
import { useReactions } from '../mood/useReactions';
import { backdropStyle, themeVars } from '../overlay/overlayLayout';
import { OverlayLayer } from '../overlay/OverlayLayer';
import { useWatchHeartbeat } from '../progression/useWatchHeartbeat';
import { OverlayWidgets } from '../overlay/OverlayWidgets';
import { useOverlay } from '../overlay/useOverlay';
import { useOverlayLayout } from '../overlay/useOverlayLayout';
import { SidePanel } from './SidePanel';
import { StatusBadge } from './StatusBadge';
import { useClockOffset } from './useClockOffset';
import { useStreamRoom } from './useStreamRoom';
import { VideoStage } from './VideoStage';
import { LivePlayer } from '../media/LivePlayer';

function isNotFound(error: Error | null): boolean {
  return (error instanceof ApiError || error instanceof LiveError) && error.code === 'not_found';
}

/**
 * `/watch/:streamId`: the player area in the creator's layout (theme, video filter, background, widgets) with gifts,
 * reactions and overlay effects over it, the challenge under it, the reaction bar, mood meter and "Mark moment",
 * the gift bar, the stream's state, the poll, and Chat / Q&A / Moments / Top beside it; for the host, "Start a poll",
 * "Start a challenge", the mood theme switch and a link to Customize. The page wears the creator's theme, tinted by
 * the mood theme when the creator enabled it. Opened with `?moment=<id>` (a share link), it says so.
 */
export function WatchPage() {
  const { streamId = '' } = useParams();
  const [params] = useSearchParams();
  const { session } = useSession();
  const room = useStreamRoom(streamId);
  const connection = useConnectionState();
  const { stream, viewerCount, messages, error } = room;
  const gifts = useGiftFeed(room.feed);
  const overlay = useOverlay(room.feed);
  const polls = usePoll(room.feed, streamId);
  const mood = useMood(room.feed, streamId);
  const reactions = useReactions(streamId);
  const qa = useQa(room.feed, streamId);
  const challenge = useChallenge(room.feed, streamId);
  const moments = useMoments(room.feed, streamId);
  const layout = useOverlayLayout(room.feed, streamId);
  const offsetMs = useClockOffset(room.feed);
  const topGifters = useStreamLeaderboard(room.feed);
  useWatchHeartbeat(streamId, session !== null && stream?.status === 'live');
  const moderation = useChatModeration(stream);
  const restriction = useChatRestriction(stream);
  const isHost = session !== null && stream !== null && (session.user.id === stream.creatorId || session.user.role === 'admin');
  const fromMoment = params.get('moment');
  const [drawerOpen, setDrawerOpen] = useState(false);
  const drawerId = useId();

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

  const backdrop = backdropStyle(layout.background);
  return (
    <div
      className={`watch watch-theme${mood.theme.mood ? ' watch--mood' : ''}${backdrop ? ' watch--backdrop' : ''}`}
      data-mood={mood.theme.mood ?? undefined}
      data-preset={layout.theme.preset}
      style={cssVars({ ...themeVars(layout.theme), ...mood.theme.vars })}
    >
      <div className="watch__backdrop" style={backdrop} aria-hidden="true" />
      <section className="watch__main">
        {fromMoment && (
          <MomentBanner key={fromMoment} momentId={fromMoment} moments={moments.moments} loaded={moments.loaded} stream={stream} />
        )}
        <div className="stage-frame">
          <VideoStage stream={stream} viewerCount={viewerCount} filter={layout.videoFilter}>
            {stream && (stream.status === 'live' || stream.status === 'scheduled') && (
              <LivePlayer streamId={streamId} creatorId={stream.creatorId} active fullscreenTarget={() => document.querySelector('.stage-frame')} />
            )}
          </VideoStage>
          <OverlayWidgets widgets={layout.widgets} offsetMs={offsetMs} />
          <GiftAnimations items={gifts.items} />
          <FloatingEmojiLayer items={reactions.floating} />
          <OverlayLayer overlay={overlay} feed={room.feed} />
        </div>
        <ChallengeBar controller={challenge} offsetMs={offsetMs} />
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
          <MarkMoment controller={moments} session={session} />
        </section>
        <GiftBar stream={stream} session={session} />
        <div className="watch__info">
          {stream ? (
            <h1 className="watch__title" data-testid="stream-title">
              {stream.title}
            </h1>
          ) : (
            <div className="skeleton skeleton--title" role="status" aria-label="Loading" />
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
            <ChallengeForm stream={stream} challenge={challenge.challenge} onStart={challenge.start} />
            <div className="host-card host-card--link">
              <h2 className="host-card__title">Your look</h2>
              <p className="muted">Theme, video filter, background and widgets over the video.</p>
              <Link className="button" data-testid="watch-customize" to={`/studio/streams/${encodeURIComponent(streamId)}/customize`}>
                Customize
              </Link>
            </div>
          </section>
        )}
      </section>
      {/* On a phone the side panel is a drawer over the page's lower part, opened and closed with one thumb. */}
      <button
        type="button"
        className="button button--primary watch__drawer-toggle"
        data-testid="chat-drawer-toggle"
        aria-expanded={drawerOpen}
        aria-controls={drawerId}
        onClick={() => setDrawerOpen((open) => !open)}
      >
        {drawerOpen ? 'Close chat' : `Chat${messages.length > 0 ? ` · ${messages.length}` : ''}`}
      </button>
      <aside
        id={drawerId}
        className="watch__chat"
        data-drawer-open={drawerOpen}
        aria-label="Chat and more"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && drawerOpen) {
            setDrawerOpen(false);
          }
        }}
      >
        <PollWidget key={streamId} controller={polls} session={session} isHost={isHost} />
        <SidePanel
          key={streamId}
          messages={messages}
          counts={{ qa: qa.sections.open.length, moments: moments.moments.length }}
          panels={{
            chat: (active) => (
              <ChatPanel
                stream={stream}
                messages={messages}
                session={session}
                onSend={room.send}
                slowMotion={overlay.slowMotion}
                active={active}
                moderation={moderation}
                restriction={restriction}
              />
            ),
            qa: () => <QaPanel controller={qa} stream={stream} session={session} isHost={isHost} />,
            moments: () => <MomentsList controller={moments} stream={stream} />,
            top: () => <LeaderboardPanel board={topGifters} meId={session?.user.id ?? null} />,
          }}
        />
      </aside>
      <MomentToasts toasts={moments.toasts} streamTitle={stream?.title ?? 'LiveStreamX'} onDismiss={moments.dismissToast} />
    </div>
  );
}
