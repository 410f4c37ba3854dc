import { useEffect, useRef, useState } from 'react';
import type { SegmentStartEvent } from '../../api/contract';
import { clipPosition, driftCorrection } from './segmentClock';

interface ClipPlayerProps {
  segment: SegmentStartEvent;
  /** The server's clock minus ours (ms), so that every viewer is at the same place in the clip. */
  offsetMs: number;
}

// How often a playing clip is checked against the shared position.
const SYNC_INTERVAL_MS = 500;

/**
 * A pre-recorded clip over the stage: it starts at the server's `startedAt` (corrected by the clock offset), a late
 * joiner at its offset from there, and is kept within a quarter second of that shared position. Muted until the
 * viewer unmutes it: browsers only start muted video without a click.
 */
export function ClipPlayer({ segment, offsetMs }: ClipPlayerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const offset = useRef(offsetMs);
  const [muted, setMuted] = useState(true);
  const [blocked, setBlocked] = useState(false);

  useEffect(() => {
    offset.current = offsetMs;
  }, [offsetMs]);

  useEffect(() => {
    const element = video.current;
    if (!element) {
      return;
    }
    const durationSeconds = segment.durationMs / 1000;
    let startTimer: ReturnType<typeof setTimeout> | undefined;
    const play = () => {
      const position = clipPosition(segment, Date.now(), offset.current);
      if (position < 0) {
        // Before the shared start: wait for it, so that every player starts together.
        startTimer = setTimeout(play, -position * 1000);
        return;
      }
      element.currentTime = Math.min(position, durationSeconds);
      element.play().catch(() => setBlocked(true));
    };
    const sync = setInterval(() => {
      if (element.paused || element.seeking) {
        return;
      }
      const seek = driftCorrection(clipPosition(segment, Date.now(), offset.current), element.currentTime, durationSeconds);
      if (seek !== null) {
        element.currentTime = seek;
      }
    }, SYNC_INTERVAL_MS);
    const markPlaying = () => {
      if (!element.dataset.playingAt) {
        element.dataset.playingAt = String(Date.now());
      }
    };
    element.addEventListener('playing', markPlaying);
    play();
    return () => {
      clearTimeout(startTimer);
      clearInterval(sync);
      element.removeEventListener('playing', markPlaying);
      element.pause();
    };
  }, [segment]);

  return (
    <div className="clip" data-testid="segment-clip">
      <video
        ref={video}
        className="clip__video"
        data-testid="segment-video"
        data-entry-id={segment.entryId}
        data-started-at={Date.parse(segment.startedAt)}
        src={segment.url}
        muted={muted}
        playsInline
        preload="auto"
        aria-label={`Pre-recorded: ${segment.title}`}
      />
      <div className="clip__bar">
        <span className="badge badge--dim">Pre-recorded · {segment.title}</span>
        <button type="button" className="button button--ghost clip__sound" onClick={() => setMuted((m) => !m)} aria-pressed={!muted}>
          {muted ? 'Unmute' : 'Mute'}
        </button>
        {blocked && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setBlocked(false);
              void video.current?.play();
            }}
          >
            Play
          </button>
        )}
      </div>
    </div>
  );
}
