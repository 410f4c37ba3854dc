import './media.css';
import { MediaSlot } from './MediaSlot';
import { useLiveVideo, type LiveVideoState } from './useLiveVideo';

interface LivePlayerViewProps {
  state: LiveVideoState;
  fullscreenTarget?: () => HTMLElement | null;
}

/** What the stage shows of the live video in each state. */
export function LivePlayerView({ state, fullscreenTarget }: LivePlayerViewProps) {
  switch (state.kind) {
    case 'playing':
      return <MediaSlot video={state.video} audio={state.audio} fullscreenTarget={fullscreenTarget} />;
    case 'waiting':
      return (
        <p className="media-note" role="status" data-testid="live-waiting">
          Waiting for the creator&rsquo;s video…
        </p>
      );
    case 'not-configured':
      return (
        <p className="media-note media-note--quiet" data-testid="live-not-configured">
          Live video is not set up on this server: chat, gifts and polls go on as usual.
        </p>
      );
    case 'error':
      return (
        <p className="media-note media-note--error" role="alert" data-testid="live-error">
          {state.message}
        </p>
      );
    default:
      return (
        <p className="media-note" role="status" data-testid="live-connecting">
          Connecting to the video…
        </p>
      );
  }
}

interface LivePlayerProps {
  streamId: string;
  creatorId: string | null;
  /** Whether the stream may have live video (scheduled or live). */
  active: boolean;
  fullscreenTarget?: () => HTMLElement | null;
}

/** The live video of a stream: the stage's "what plays now" while the stream is live. */
export function LivePlayer({ streamId, creatorId, active, fullscreenTarget }: LivePlayerProps) {
  const state = useLiveVideo(streamId, creatorId, active);
  return <LivePlayerView state={state} fullscreenTarget={fullscreenTarget} />;
}
