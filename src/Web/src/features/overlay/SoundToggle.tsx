import { useEffect, useSyncExternalStore } from 'react';
import { sounds } from './sounds';

/** The overlay's sound switch: browsers allow sound only after a click, so it starts off and says so. */
export function SoundToggle() {
  const state = useSyncExternalStore(sounds.subscribe, sounds.getState);

  useEffect(() => {
    sounds.armFromPreference();
  }, []);

  if (state === 'unsupported') {
    return null;
  }
  const on = state === 'on';
  return (
    <button
      type="button"
      className={`sound-toggle${on ? ' sound-toggle--on' : ''}`}
      aria-pressed={on}
      onClick={() => (on ? sounds.disable() : void sounds.enable())}
      title={on ? 'Mute gift sounds' : 'Play the sounds gifts trigger'}
    >
      {on ? '🔊 Sound on' : '🔇 Click to enable sound'}
    </button>
  );
}
