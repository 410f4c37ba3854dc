import { useEffect, useRef, useState } from 'react';

/** A track the player attaches to its media elements (livekit-client's tracks are). */
export interface AttachableTrack {
  attach(element: HTMLMediaElement): HTMLMediaElement;
  detach(element: HTMLMediaElement): HTMLMediaElement;
}

interface MediaSlotProps {
  video: AttachableTrack;
  audio: AttachableTrack | null;
  /** The element fullscreen applies to (the stage with its overlays), or null for the video alone. */
  fullscreenTarget?: () => HTMLElement | null;
}

/**
 * Plays a video track (and its sound) in the stage, muted at first as browsers require for autoplay, with
 * unmute and fullscreen buttons.
 */
export function MediaSlot({ video, audio, fullscreenTarget }: MediaSlotProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const audioRef = useRef<HTMLAudioElement>(null);
  const [muted, setMuted] = useState(true);

  useEffect(() => {
    const element = videoRef.current;
    if (!element) {
      return;
    }
    video.attach(element);
    return () => {
      video.detach(element);
    };
  }, [video]);

  useEffect(() => {
    const element = audioRef.current;
    if (!element || !audio) {
      return;
    }
    audio.attach(element);
    return () => {
      audio.detach(element);
    };
  }, [audio]);

  useEffect(() => {
    if (audioRef.current) {
      audioRef.current.muted = muted;
    }
  }, [muted, audio]);

  const fullscreen = () => {
    const target = fullscreenTarget?.() ?? videoRef.current;
    if (document.fullscreenElement) {
      void document.exitFullscreen();
    } else {
      void target?.requestFullscreen?.();
    }
  };

  return (
    <div className="media-slot" data-testid="live-video">
      <video ref={videoRef} className="media-slot__video" autoPlay playsInline muted aria-label="The creator's live video" />
      <audio ref={audioRef} autoPlay muted={muted} />
      <div className="media-slot__controls">
        <button type="button" className="button" data-testid="live-mute" aria-pressed={!muted} onClick={() => setMuted((m) => !m)}>
          {muted ? 'Unmute' : 'Mute'}
        </button>
        <button type="button" className="button" data-testid="live-fullscreen" onClick={fullscreen}>
          Fullscreen
        </button>
      </div>
    </div>
  );
}
