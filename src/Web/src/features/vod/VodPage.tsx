import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { queryKeys } from '../../api/queries';
import { Avatar } from '../../components/Avatar';
import { useSession } from '../auth/sessionContext';
import { ChatMessageItem } from '../chat/ChatMessageItem';
import { momentTitle } from '../engagement/moments/momentView';
import { GiftAnimations } from '../gifts/GiftAnimations';
import { useGiftFeed } from '../gifts/useGiftFeed';
import { MoodMeter } from '../mood/MoodMeter';
import { OverlayLayer } from '../overlay/OverlayLayer';
import { useOverlay } from '../overlay/useOverlay';
import { useVodPlayer } from './useVodPlayer';
import { VodClipPlayer } from './VodClipPlayer';
import { useVodReplay } from './useVodReplay';
import { clock } from './vodReplay';
import './vod.css';

function errorCode(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null;
}

/** `?t=SECONDS` as ms (0 when missing or not a number). */
function startOf(t: string | null): number {
  const seconds = Number(t);
  return t !== null && Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0;
}

/**
 * `/vod/:streamId` (`?t=SECONDS` starts there): an ended stream's recording with its audience replayed in step — the
 * chat said up to the player's position, gifts and overlay effects firing at their offsets, the poll and mood of that
 * moment — and its highlight moments, each a jump to its offset. Seeking jumps the replay without replaying what it
 * skipped. Without a recording, a clock of its own drives the same replay.
 */
export function VodPage() {
  const { streamId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { api } = useSession();
  const vodQuery = useQuery({
    queryKey: queryKeys.vod(streamId),
    queryFn: ({ signal }) => api.getVod(streamId, signal),
    // Its URLs expire: fetched again well before they do.
    staleTime: 10 * 60_000,
    refetchInterval: (query) => (errorCode(query.state.error) === 'vod_not_ready' ? 3000 : false),
  });
  const vod = vodQuery.data ?? null;
  const startMs = startOf(params.get('t'));
  const { positionMs, playing, videoRef, seek, toggle, videoEvents } = useVodPlayer(vod?.video != null, startMs, vod?.durationMs ?? 0);
  const replay = useVodReplay(streamId, vod ? positionMs : null);
  const gifts = useGiftFeed(replay.feed);
  const overlay = useOverlay(replay.feed);

  const jumpTo = (ms: number) => {
    seek(ms);
    setParams({ t: String(Math.floor(ms / 1000)) }, { replace: true });
  };

  const code = errorCode(vodQuery.error);
  if (vodQuery.isError && code !== 'vod_not_ready') {
    return (
      <div className="page">
        <div className="empty" data-testid="vod-error" data-code={code ?? undefined}>
          {code === 'still_live' ? (
            <>
              <h1>This stream has not ended</h1>
              <p>Its replay is ready once it ends.</p>
              <Link className="button button--primary" to={`/watch/${encodeURIComponent(streamId)}`}>
                Watch it live
              </Link>
            </>
          ) : (
            <>
              <h1>{code === 'not_found' ? 'Stream not found' : 'The replay could not load'}</h1>
              <p>{code === 'not_found' ? 'It may have been removed, or the link is wrong.' : vodQuery.error.message}</p>
              <Link className="button button--primary" to="/">
                See who is live
              </Link>
            </>
          )}
        </div>
      </div>
    );
  }

  if (!vod) {
    return (
      <div className="page">
        <div className="empty" role="status" data-testid="vod-pending">
          {code === 'vod_not_ready' ? <p>The stream just ended: its replay is being archived…</p> : <p>Loading the replay…</p>}
        </div>
      </div>
    );
  }

  const position = positionMs ?? startMs;
  return (
    <div className="watch vod">
      <section className="watch__main">
        <div className="stage-frame vod__stage">
          {vod.video ? (
            <video
              ref={videoRef}
              className="vod__video"
              data-testid="vod-video"
              src={vod.video.url}
              controls
              playsInline
              preload="metadata"
              {...videoEvents}
            />
          ) : (
            <VodClipPlayer clips={vod.clips} positionMs={position} playing={playing} />
          )}
          <GiftAnimations items={gifts.items} />
          <OverlayLayer overlay={overlay} feed={replay.feed} />
        </div>
        <div className="vod__controls">
          {!vod.video && (
            <button type="button" className="button" data-testid="vod-play" onClick={toggle}>
              {playing ? 'Pause' : 'Play'}
            </button>
          )}
          <input
            type="range"
            className="vod__scrub"
            aria-label="Position"
            data-testid="vod-scrub"
            min={0}
            max={vod.durationMs}
            step={1000}
            value={Math.min(position, vod.durationMs)}
            onChange={(e) => jumpTo(Number(e.target.value))}
          />
          <span className="vod__time" data-testid="vod-position" data-ms={Math.floor(position)}>
            {clock(position)} / {clock(vod.durationMs)}
          </span>
        </div>
        <div className="watch__info">
          <h1 className="watch__title" data-testid="vod-title">
            {vod.title}
          </h1>
          <div className="watch__meta">
            <Link className="watch__creator" to={`/u/${encodeURIComponent(vod.creatorId)}`}>
              <Avatar handle={vod.creatorHandle} size={28} />
              <span>{vod.creatorHandle}</span>
            </Link>
            <span className="chip">Replay</span>
            <MoodMeter mood={replay.mood} />
          </div>
          {replay.challenge && (
            <p className="vod__challenge" data-testid="vod-challenge">
              Challenge · {replay.challenge}
            </p>
          )}
          {replay.poll && (
            <section className="vod__poll" data-testid="vod-poll" aria-label="Poll">
              <h2>{replay.poll.question}</h2>
              <ol>
                {replay.poll.options.map((option, i) => (
                  <li key={option} data-testid="vod-poll-option">
                    <span>{option}</span> <span data-testid="vod-poll-tally">{replay.poll?.tallies[i] ?? 0}</span>
                  </li>
                ))}
              </ol>
              {replay.poll.closed && <p className="muted">Closed</p>}
            </section>
          )}
          {replay.error && (
            <p className="notice notice--error" role="alert">
              {replay.error}
            </p>
          )}
        </div>
      </section>
      <aside className="side-panel vod__side" aria-label="Replay">
        <section aria-label="Chat replay" className="vod__chat">
          <h2 className="vod__heading">Chat replay</h2>
          <ol className="chat-list" data-testid="chat-list">
            {replay.messages.map((m) => (
              <ChatMessageItem key={m.id} message={m} byHost={m.userId === vod.creatorId} mine={false} />
            ))}
          </ol>
        </section>
        <section aria-label="Highlight moments" className="vod__moments">
          <h2 className="vod__heading">Moments</h2>
          {vod.moments.length === 0 ? (
            <p className="muted">No highlights in this stream.</p>
          ) : (
            <ol className="moments__list">
              {vod.moments.map((m) => {
                const { icon, title } = momentTitle(m);
                return (
                  <li key={m.momentId} className={`moment moment--${m.kind}`}>
                    <span className="moment__icon" aria-hidden="true">
                      {icon}
                    </span>
                    <a
                      href={`?t=${Math.floor(m.offsetMs / 1000)}`}
                      data-testid="vod-moment"
                      data-offset-ms={m.offsetMs}
                      onClick={(e) => {
                        e.preventDefault();
                        jumpTo(m.offsetMs);
                      }}
                    >
                      {clock(m.offsetMs)} · {title}
                    </a>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      </aside>
    </div>
  );
}
