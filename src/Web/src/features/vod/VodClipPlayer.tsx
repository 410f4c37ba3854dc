import { useEffect, useRef } from 'react';
import { clipAt, clipTime, type VodClip } from './vodClips';

// Further apart than this, the clip is moved to the VOD's clock; closer, it plays on by itself.
const MAX_DRIFT_SECONDS = 0.5;

interface VodClipPlayerProps {
  clips: readonly VodClip[];
  positionMs: number;
  playing: boolean;
}

/**
 * The video of a VOD without a recording: the pre-recorded clips the stream played, each at its offset, following
 * the VOD's own clock; the live parts between them have no video.
 */
export function VodClipPlayer({ clips, positionMs, playing }: VodClipPlayerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const clip = clipAt(clips, positionMs);

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !clip) {
      return;
    }
    const target = clipTime(clip, positionMs);
    if (Math.abs(video.currentTime - target) > MAX_DRIFT_SECONDS) {
      video.currentTime = target;
    }
    if (playing && video.paused) {
      video.play().catch(() => undefined);
    } else if (!playing && !video.paused) {
      video.pause();
    }
  }, [clip, positionMs, playing]);

  if (!clip) {
    return (
      <div className="vod__novideo" data-testid="vod-no-video">
        <p>No recording of this part of the stream: its chat, gifts and polls replay on their own.</p>
      </div>
    );
  }
  return (
    <video
      key={clip.segmentId + clip.offsetMs}
      ref={videoRef}
      className="vod__video"
      data-testid="vod-clip"
      src={clip.url}
      playsInline
      preload="auto"
      aria-label={`Pre-recorded clip: ${clip.title}`}
    />
  );
}
