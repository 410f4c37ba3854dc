import { cssVars } from '../../lib/cssVars';
import type { FloatingEmoji } from './floatingEmoji';
import { MOOD_ART } from './moods';

/** The reaction emoji rising over the video (CSS animation; at most MAX_FLOATING at once). */
export function FloatingEmojiLayer({ items }: { items: readonly FloatingEmoji[] }) {
  return (
    <div className="mood-float-layer" aria-hidden="true">
      {items.map((item) => (
        <span
          key={item.id}
          className="mood-float"
          style={cssVars({
            '--x': `${item.x}%`,
            '--drift': `${item.drift}px`,
            '--scale': item.scale,
            '--rise-ms': `${item.durationMs}ms`,
          })}
        >
          {MOOD_ART[item.mood].emoji}
        </span>
      ))}
    </div>
  );
}
