import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

const TICK_MS = 250;

export interface VodPlayer {
  /** The player's position in ms from the stream's start; null until the player knows it. */
  positionMs: number | null;
  playing: boolean;
  videoRef: RefObject<HTMLVideoElement | null>;
  seek(ms: number): void;
  toggle(): void;
  /** The `<video>` element's event handlers (none without a video). */
  videoEvents: {
    onLoadedMetadata(): void;
    onTimeUpdate(): void;
    onSeeked(): void;
    onPlay(): void;
    onPause(): void;
    onError(): void;
  };
}

/**
 * The VOD's clock: the `<video>` element's currentTime when there is a recording (offset 0 of the recording is the
 * stream's start), else a clock of its own with play, pause and seek, so a VOD without video still replays its chat,
 * gifts and polls. Starts at `startMs` (the `?t=` deep link).
 */
export function useVodPlayer(hasVideo: boolean, startMs: number, durationMs: number): VodPlayer {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [positionMs, setPositionMs] = useState<number | null>(hasVideo ? null : startMs);
  const [playing, setPlaying] = useState(false);
  const lastTick = useRef(0);

  // Without video: the clock advances while playing, and stops at the end.
  useEffect(() => {
    if (hasVideo || !playing) {
      return;
    }
    lastTick.current = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const elapsed = now - lastTick.current;
      lastTick.current = now;
      setPositionMs((p) => Math.min(durationMs, (p ?? 0) + elapsed));
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [durationMs, hasVideo, playing]);

  if (!hasVideo && playing && positionMs !== null && positionMs >= durationMs) {
    setPlaying(false);
  }

  const read = useCallback(() => {
    const video = videoRef.current;
    if (video) {
      setPositionMs(Math.round(video.currentTime * 1000));
    }
  }, []);

  const seek = useCallback(
    (ms: number) => {
      const target = Math.max(0, Math.min(ms, durationMs));
      const video = videoRef.current;
      if (hasVideo && video) {
        video.currentTime = target / 1000;
      } else {
        lastTick.current = performance.now();
        setPositionMs(target);
      }
    },
    [durationMs, hasVideo],
  );

  const toggle = useCallback(() => {
    const video = videoRef.current;
    if (hasVideo && video) {
      if (video.paused) {
        void video.play();
      } else {
        video.pause();
      }
      return;
    }
    lastTick.current = performance.now();
    setPlaying((p) => !p);
  }, [hasVideo]);

  const videoEvents = {
    onLoadedMetadata: () => {
      const video = videoRef.current;
      if (video && startMs > 0) {
        video.currentTime = startMs / 1000; // read once seeked
      } else {
        read();
      }
    },
    onTimeUpdate: read,
    onSeeked: read,
    onPlay: () => setPlaying(true),
    onPause: () => setPlaying(false),
    // The recording would not load (expired URL, unknown format): the timeline still replays from the start.
    onError: () => setPositionMs((p) => p ?? startMs),
  };

  return { positionMs, playing, videoRef, seek, toggle, videoEvents };
}
