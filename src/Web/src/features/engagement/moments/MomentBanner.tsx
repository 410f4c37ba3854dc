import { useState } from 'react';
import type { Moment, Stream } from '../../../api/contract';
import { momentTimeLabel, momentTitle } from './momentView';

interface MomentBannerProps {
  /** The `?moment=` the page was opened with. */
  momentId: string;
  moments: readonly Moment[];
  loaded: boolean;
  stream: Stream | null;
}

/** For a watch page opened from a share link (`?moment=<id>`): which highlight brought the viewer here, and when. */
export function MomentBanner({ momentId, moments, loaded, stream }: MomentBannerProps) {
  const [hidden, setHidden] = useState(false);
  if (hidden) {
    return null;
  }
  const moment = moments.find((m) => m.momentId === momentId);
  const when = moment ? momentTimeLabel(moment, stream?.startedAt) : null;
  return (
    <div className="moment-banner" data-testid="moment-banner" data-moment-id={momentId} role="status">
      <span className="moment-banner__icon" aria-hidden="true">
        {moment ? momentTitle(moment).icon : '✨'}
      </span>
      <p className="moment-banner__text">
        <strong>You’re watching from a highlight moment</strong>
        {when ? (
          <span className="moment-banner__time"> {when}</span>
        ) : (
          loaded && <span className="moment-banner__time muted"> (it is no longer listed)</span>
        )}
        {moment && moment.kind === 'manual' && moment.note && <span className="moment-banner__note"> “{moment.note}”</span>}
        {stream?.status === 'live' && <span className="muted"> · the stream is still live</span>}
      </p>
      <button className="moment-banner__close" type="button" aria-label="Hide" onClick={() => setHidden(true)}>
        ×
      </button>
    </div>
  );
}
