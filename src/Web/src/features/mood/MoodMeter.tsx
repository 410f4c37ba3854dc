import { MOODS } from '../../api/contract';
import { cssVars } from '../../lib/cssVars';
import { intensityAttribute, type MoodView } from './moodState';
import { moodColor } from './moodTheme';
import { MOOD_ART } from './moods';

/** The audience's mood: the dominant one, how loud (a bar), and the share of each mood beneath. */
export function MoodMeter({ mood }: { mood: MoodView }) {
  const { dominant, intensity, rates } = mood;
  const art = dominant ? MOOD_ART[dominant] : null;
  const total = MOODS.reduce((sum, m) => sum + rates[m], 0);
  const percent = Math.round(intensity * 100);
  return (
    <div
      className={`mood-meter${dominant ? ` mood-meter--${dominant}` : ' mood-meter--quiet'}`}
      data-testid="mood-meter"
      data-dominant={dominant ?? 'none'}
      data-intensity={intensityAttribute(intensity)}
      style={cssVars({ '--meter-color': moodColor(dominant), '--meter-level': `${percent}%` })}
    >
      <span className="mood-meter__face" aria-hidden="true">
        {art?.emoji ?? '😶'}
      </span>
      <div className="mood-meter__body">
        <span className="mood-meter__label">
          {art ? (
            <>
              Mood: <strong>{art.label}</strong>
            </>
          ) : (
            'The room is quiet'
          )}
        </span>
        <span
          className="mood-meter__track"
          role="meter"
          aria-label="Mood intensity"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <span className="mood-meter__level" />
        </span>
        <span className="mood-meter__mix" aria-hidden="true">
          {total > 0 &&
            MOODS.filter((m) => rates[m] > 0).map((m) => (
              <span key={m} style={cssVars({ '--part': `${(rates[m] / total) * 100}%` }, { background: MOOD_ART[m].color })} title={MOOD_ART[m].label} />
            ))}
        </span>
      </div>
    </div>
  );
}
