import { MOODS, type Mood } from '../../api/contract';
import type { Session } from '../auth/sessionStorage';
import { MOOD_ART } from './moods';

interface ReactionBarProps {
  session: Session | null;
  onReact(mood: Mood): void;
  notice: string | null;
}

/** A button per mood; each click floats an emoji over the video and counts towards the audience's mood. */
export function ReactionBar({ session, onReact, notice }: ReactionBarProps) {
  const blocked = session ? null : 'Sign in to react.';
  return (
    <div className="reaction-bar" data-testid="reaction-bar" role="group" aria-label="React">
      <div className="reaction-bar__buttons">
        {MOODS.map((mood) => {
          const art = MOOD_ART[mood];
          return (
            <button
              key={mood}
              type="button"
              className={`reaction reaction--${mood}`}
              data-testid={`reaction-${mood}`}
              data-mood={mood}
              aria-label={art.label}
              title={blocked ?? art.label}
              disabled={blocked !== null}
              onClick={() => onReact(mood)}
            >
              <span className="reaction__emoji" aria-hidden="true">
                {art.emoji}
              </span>
            </button>
          );
        })}
      </div>
      <p className="reaction-bar__note" aria-live="polite">
        {blocked ?? notice}
      </p>
    </div>
  );
}
