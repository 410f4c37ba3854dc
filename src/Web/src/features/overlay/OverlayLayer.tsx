import { SpinWheel } from '../gifts/wheel/SpinWheel';
import type { StreamFeed } from '../streams/streamFeed';
import { Confetti, SlowMo, SoundEffect, Spotlight, ThemeFlash } from './OverlayEffects';
import type { ActiveEffect } from './overlayActions';
import { SoundToggle } from './SoundToggle';
import type { Overlay } from './useOverlay';

function renderEffect(entry: ActiveEffect) {
  const { effect } = entry;
  switch (effect.action) {
    case 'confetti':
      return <Confetti key={entry.id} entry={entry} effect={effect} />;
    case 'spotlight-message':
      return <Spotlight key={entry.id} entry={entry} effect={effect} />;
    case 'theme-flash':
      return <ThemeFlash key={entry.id} entry={entry} effect={effect} />;
    case 'sound-effect':
    case 'slow-mo-chat':
      return null; // in the chip stack
  }
}

function renderChip(entry: ActiveEffect) {
  const { effect } = entry;
  switch (effect.action) {
    case 'sound-effect':
      return <SoundEffect key={entry.id} entry={entry} effect={effect} />;
    case 'slow-mo-chat':
      return <SlowMo key={entry.id} entry={entry} />;
    default:
      return null;
  }
}

/** The layer over the video where gift commands play: effects, the spin wheel, and the sound switch. */
export function OverlayLayer({ overlay, feed }: { overlay: Overlay; feed: StreamFeed }) {
  return (
    <div className="overlay-layer" data-testid="overlay-layer">
      {overlay.active.map(renderEffect)}
      <div className="overlay-chips">{overlay.active.map(renderChip)}</div>
      <SpinWheel feed={feed} />
      <div className="overlay-controls">
        <SoundToggle />
      </div>
    </div>
  );
}
