import type { ReactNode } from 'react';
import type { Stream, VideoFilter } from '../../api/contract';
import { videoFilterCss } from '../overlay/overlayLayout';
import { compactNumber, hueOf } from '../../lib/format';

const CAPTIONS: Record<Stream['status'], string> = {
  scheduled: 'Starting soon',
  live: '',
  ended: 'This stream has ended',
  archived: 'This stream was archived',
};

interface VideoStageProps {
  stream: Stream | null;
  viewerCount: number | null;
  /** The creator's video filter preset, applied to this area as CSS filters. */
  filter?: VideoFilter;
  /** What plays now (the live video, a clip): drawn over the stage's backdrop, under its badges. */
  children?: ReactNode;
}

/** The 16:9 player area: the stream's state, and the slot for what plays now. */
export function VideoStage({ stream, viewerCount, filter = 'none', children }: VideoStageProps) {
  const hue = hueOf(stream?.id ?? 'lsx');
  const caption = stream ? CAPTIONS[stream.status] : 'Connecting…';
  return (
    <div
      className={`stage${stream?.status === 'live' ? ' stage--live' : ''}`}
      data-testid="video-area"
      data-filter={filter}
      style={{
        filter: videoFilterCss(filter),
        background: `radial-gradient(80% 90% at 20% 0%, hsl(${hue} 60% 22%), transparent 70%),
          radial-gradient(70% 80% at 100% 100%, hsl(${(hue + 70) % 360} 60% 18%), #07080c 75%)`,
      }}
      // With a player inside (buttons), the stage is a region: an image's content is not interactive.
      role={children ? 'region' : 'img'}
      aria-label={stream ? `${stream.title}, ${stream.status}` : 'Loading stream'}
    >
      {children && <div className="stage__media">{children}</div>}
      <div className="stage__top">
        {stream && (
          <span className={`badge ${stream.status === 'live' ? 'badge--live' : 'badge--dim'}`}>
            {stream.status === 'live' ? 'Live' : stream.status}
          </span>
        )}
        {stream?.status === 'live' && viewerCount !== null && (
          <span className="badge badge--dim">{compactNumber(viewerCount)} watching</span>
        )}
      </div>
      <div className="stage__center">
        {stream?.status === 'live' ? (
          <div className="stage__pulse" aria-hidden="true">
            <span />
          </div>
        ) : (
          <p className="stage__caption">{caption}</p>
        )}
        {stream && <p className="stage__title">{stream.title}</p>}
      </div>
    </div>
  );
}
