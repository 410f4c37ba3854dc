import { useEffect, useState } from 'react';
import { cssVars } from '../../lib/cssVars';
import type { ActiveEffect, OverlayEffect } from './overlayActions';
import { SOUND_LABELS, sounds } from './sounds';

type Of<A extends OverlayEffect['action']> = Extract<OverlayEffect, { action: A }>;

const CONFETTI_COLORS = ['#ff3b5c', '#7c5cff', '#2fd08a', '#ffb547', '#3fa7ff', '#ffffff'];

function Attribution({ entry }: { entry: ActiveEffect }) {
  if (!entry.by) {
    return null;
  }
  return (
    <span className="overlay-by">
      from {entry.by}
      {entry.repeat > 1 && ` ×${entry.repeat}`}
    </span>
  );
}

/** Paper pieces falling over the video; count by intensity, colours around the one asked for. */
export function Confetti({ entry, effect }: { entry: ActiveEffect; effect: Of<'confetti'> }) {
  // Drawn once for the effect it shows (the component is keyed by it): random, so not during each render.
  const [pieces] = useState(() => {
    const palette = effect.color
      ? [effect.color, effect.color, `color-mix(in srgb, ${effect.color} 55%, white)`, `color-mix(in srgb, ${effect.color} 70%, black)`, '#ffffff']
      : CONFETTI_COLORS;
    return Array.from({ length: effect.intensity * 24 }, (_, i) => ({
      left: Math.random() * 100,
      delay: Math.random() * effect.durationMs * 0.35,
      fall: effect.durationMs * (0.55 + Math.random() * 0.45),
      drift: (Math.random() - 0.5) * 160,
      spin: (Math.random() < 0.5 ? -1 : 1) * (360 + Math.random() * 720),
      size: 6 + Math.random() * 7,
      round: i % 5 === 0,
      color: palette[i % palette.length]!,
    }));
  });

  return (
    <div className="overlay-confetti" data-testid="overlay-confetti" aria-hidden="true" data-trigger-id={entry.id}>
      {pieces.map((p, i) => (
        <i
          key={i}
          className={`overlay-confetti__piece${p.round ? ' overlay-confetti__piece--round' : ''}`}
          style={cssVars(
            {
              '--x': `${p.left}%`,
              '--delay': `${p.delay}ms`,
              '--fall': `${p.fall}ms`,
              '--drift': `${p.drift}px`,
              '--spin': `${p.spin}deg`,
              '--size': `${p.size}px`,
            },
            { background: p.color },
          )}
        />
      ))}
    </div>
  );
}

/** A big message across the video. The text is a viewer's: rendered as text only. */
export function Spotlight({ entry, effect }: { entry: ActiveEffect; effect: Of<'spotlight-message'> }) {
  return (
    <div
      className="overlay-spotlight"
      data-testid="overlay-spotlight-message"
      role="status"
      style={cssVars({ '--shown': `${entry.until - entry.startedAt}ms` })}
    >
      <div className="overlay-spotlight__card">
        <p className="overlay-spotlight__text">{effect.text}</p>
        <Attribution entry={entry} />
      </div>
    </div>
  );
}

/** Washes the video in a colour and lends it to the page's accent for a moment. */
export function ThemeFlash({ entry, effect }: { entry: ActiveEffect; effect: Of<'theme-flash'> }) {
  useEffect(() => {
    const root = document.documentElement.style;
    // The watch page's mood theme sets its own accent; while this flash runs, the page takes the root's (styles.css).
    document.documentElement.dataset.themeFlash = '';
    root.setProperty('--accent', effect.color);
    root.setProperty('--accent-hover', `color-mix(in srgb, ${effect.color} 85%, white)`);
    root.setProperty('--accent-soft', `color-mix(in srgb, ${effect.color} 16%, transparent)`);
    const timer = setTimeout(restore, effect.durationMs);
    function restore() {
      root.removeProperty('--accent');
      root.removeProperty('--accent-hover');
      root.removeProperty('--accent-soft');
      delete document.documentElement.dataset.themeFlash;
    }
    return () => {
      clearTimeout(timer);
      restore();
    };
  }, [effect.color, effect.durationMs, entry.id]);

  return (
    <div
      className="overlay-flash"
      data-testid="overlay-theme-flash"
      aria-hidden="true"
      style={cssVars({ '--flash': effect.color, '--flash-ms': `${effect.durationMs}ms` })}
    />
  );
}

/** Plays the sound (when sound is on) and says what played. */
export function SoundEffect({ entry, effect }: { entry: ActiveEffect; effect: Of<'sound-effect'> }) {
  const [audible] = useState(() => sounds.state === 'on');
  useEffect(() => {
    sounds.play(entry.id, effect.sound, effect.volume);
  }, [entry.id, effect.sound, effect.volume]);

  return (
    <div className="overlay-chip overlay-chip--sound" data-testid="overlay-sound-effect" role="status">
      <span aria-hidden="true">{audible ? '🔊' : '🔇'}</span> {SOUND_LABELS[effect.sound]}
      {!audible && <span className="muted"> (sound is off)</span>} <Attribution entry={entry} />
    </div>
  );
}

/** Counts down the slow-motion chat. */
export function SlowMo({ entry }: { entry: ActiveEffect }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil((entry.until - now) / 1000));
  return (
    <div className="overlay-chip overlay-chip--slowmo" data-testid="overlay-slow-mo-chat" role="status">
      <span aria-hidden="true">🐢</span> Slow-mo chat · {left}s <Attribution entry={entry} />
    </div>
  );
}
