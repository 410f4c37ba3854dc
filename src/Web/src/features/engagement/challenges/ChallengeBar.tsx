import { useState } from 'react';
import { cssVars } from '../../../lib/cssVars';
import { useNow } from '../../../lib/useNow';
import { actionLabel } from '../../studio/actionLabels';
import { challengeView } from './challengeView';
import type { ChallengeController } from './useChallenge';

const CONFETTI = ['🎉', '✨', '🎊', '⭐', '🎉', '✨', '🎊', '⭐'];

/**
 * The stream's challenge under the video: what counts, `progress/target` with a bar, the time left, and the end:
 * a short celebration when it completes, a short shake when it fails. The result stays until the viewer hides it
 * or the next challenge starts.
 */
export function ChallengeBar({ controller, offsetMs }: { controller: ChallengeController; offsetMs: number }) {
  const { challenge, celebration } = controller;
  const [hidden, setHidden] = useState<string | null>(null);
  const now = useNow(challenge?.status === 'running', 500);

  if (!challenge || hidden === challenge.challengeId) {
    return null;
  }
  const view = challengeView(challenge, now, offsetMs);
  const celebrating = celebration?.challengeId === challenge.challengeId ? celebration.status : null;
  const ended = view.phase === 'completed' || view.phase === 'failed';

  return (
    <section
      className={`challenge challenge--${view.phase}${celebrating ? ` challenge--just-${celebrating}` : ''}`}
      data-testid="challenge-bar"
      data-status={challenge.status}
      data-phase={view.phase}
      data-challenge-id={challenge.challengeId}
      aria-label="Challenge"
      style={cssVars({ '--fill': view.fraction })}
    >
      <div className="challenge__head">
        <span className="challenge__kind">
          <span className="challenge__icon" aria-hidden="true">
            {view.icon}
          </span>
          {view.label} challenge
        </span>
        <span className="challenge__numbers">
          <span className="challenge__progress" data-testid="challenge-progress">
            {view.progressText}
          </span>
          <span className="challenge__percent">{view.percent}%</span>
        </span>
        {view.phase === 'completed' ? (
          <span className="challenge__result challenge__result--completed">✓ Completed</span>
        ) : view.phase === 'failed' ? (
          <span className="challenge__result challenge__result--failed">✕ Failed</span>
        ) : (
          <span
            className={`challenge__timer${view.remainingMs <= 10_000 ? ' challenge__timer--soon' : ''}`}
            role="timer"
            aria-label={`${view.countdown} left`}
          >
            <span aria-hidden="true">⏱</span> {view.countdown}
          </span>
        )}
        {ended && (
          <button className="challenge__hide" type="button" aria-label="Hide the challenge" onClick={() => setHidden(challenge.challengeId)}>
            ×
          </button>
        )}
      </div>
      <div
        className="challenge__track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={view.target}
        aria-valuenow={Math.min(view.progress, view.target)}
        aria-label={`${view.label}: ${view.progressText}`}
      >
        <span className="challenge__fill" />
      </div>
      <p className="challenge__status" role="status">
        {view.status}
        {challenge.rewardAction && (
          <span className="challenge__reward">
            {' '}
            · Reward: {actionLabel(challenge.rewardAction)}
          </span>
        )}
      </p>
      {celebrating === 'completed' && (
        <div className="challenge__burst" aria-hidden="true">
          {CONFETTI.map((c, i) => (
            <span key={i} style={cssVars({ '--i': i })}>
              {c}
            </span>
          ))}
        </div>
      )}
    </section>
  );
}
