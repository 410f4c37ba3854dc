import { useEffect, useState } from 'react';
import type { Session } from '../../auth/sessionStorage';
import { cssVars } from '../../../lib/cssVars';
import { pollView, resultLine, type PollView } from './pollView';
import type { PollController } from './usePoll';

interface PollWidgetProps {
  controller: PollController;
  session: Session | null;
  /** The stream's creator or an admin: may close the poll. */
  isHost: boolean;
}

/** The clock, ticking while `active` (a poll counting down). */
function useNow(active: boolean, ms = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) {
      return;
    }
    // The clock catches up at once (it was frozen while inactive), then ticks.
    const first = setTimeout(() => setNow(Date.now()), 0);
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [active, ms]);
  return now;
}

function hint(view: PollView, session: Session | null, myVote: number | null | undefined): string | null {
  if (view.phase === 'closed') {
    return null;
  }
  if (view.phase === 'closing') {
    return 'Time is up: counting the last votes…';
  }
  if (!session) {
    return 'Sign in to vote.';
  }
  if (myVote === undefined) {
    return 'Pick one: your vote counts once.';
  }
  return myVote === null ? 'You voted in this poll.' : 'Thanks for voting! Results update live.';
}

/**
 * The stream's poll beside the chat: the question, the options (buttons until this viewer voted), live bars with
 * tallies and shares, the time left, and the final result with its winners. The host also gets "Close poll".
 */
export function PollWidget({ controller, session, isHost }: PollWidgetProps) {
  const { poll, offsetMs, myVote, busy, error } = controller;
  const [dismissed, setDismissed] = useState<string | null>(null);
  const now = useNow(poll !== null && !poll.closed);

  if (!poll || dismissed === poll.pollId) {
    return null;
  }
  const view = pollView(poll, { now, offsetMs, myVote });
  const canVote = session !== null && view.phase === 'open' && myVote === undefined;
  const note = hint(view, session, myVote);

  return (
    <section
      key={view.pollId}
      className={`poll poll--${view.phase}${canVote ? ' poll--voting' : ''}`}
      data-testid="poll-widget"
      data-poll-id={view.pollId}
      data-phase={view.phase}
      aria-label="Poll"
    >
      <header className="poll__head">
        <span className="poll__kicker">
          <span aria-hidden="true">📊</span> Poll
        </span>
        {view.phase === 'closed' ? (
          <button className="poll__dismiss" type="button" onClick={() => setDismissed(view.pollId)} aria-label="Hide this poll">
            ×
          </button>
        ) : (
          <span
            className={`poll__countdown${view.remainingMs <= 10_000 ? ' poll__countdown--soon' : ''}`}
            role="timer"
            aria-label={`${view.countdown} left`}
          >
            <span aria-hidden="true">⏱</span> {view.countdown}
          </span>
        )}
      </header>

      <h3 className="poll__question" data-testid="poll-question">
        {view.question}
      </h3>
      {view.phase !== 'closed' && (
        <div className="poll__time" aria-hidden="true">
          <span style={cssVars({ '--left': view.timeLeft })} />
        </div>
      )}

      <ol className="poll__options">
        {view.options.map((option) => (
          <li
            key={`${view.pollId}:${option.index}`}
            className={`poll__option${option.winner ? ' poll__option--winner' : ''}${option.mine ? ' poll__option--mine' : ''}`}
            data-testid="poll-result"
            data-option-index={option.index}
            data-winner={option.winner || undefined}
            style={cssVars({ '--share': `${option.percent}%` })}
          >
            <span className="poll__bar" aria-hidden="true" />
            {canVote ? (
              <button
                type="button"
                className="poll__choice"
                data-testid="poll-option"
                data-option-index={option.index}
                disabled={busy}
                onClick={() => controller.vote(option.index)}
              >
                {option.label}
              </button>
            ) : (
              <span className="poll__label">
                {option.winner && (
                  <span className="poll__crown" aria-label="winner">
                    🏆
                  </span>
                )}
                {option.label}
                {option.mine && <span className="poll__mine"> · your vote</span>}
              </span>
            )}
            <span className="poll__numbers">
              <span className="poll__percent">{option.percent}%</span>
              <span className="poll__tally" data-testid="poll-tally" title={`${option.tally} ${option.tally === 1 ? 'vote' : 'votes'}`}>
                {option.tally}
              </span>
            </span>
          </li>
        ))}
      </ol>

      {view.phase === 'closed' && (
        <p className="poll__result" data-testid="poll-closed" role="status">
          <strong>Poll closed</strong> · {resultLine(view)}
        </p>
      )}

      <footer className="poll__foot">
        <span className="poll__total">
          <span data-testid="poll-total">{view.total}</span> {view.total === 1 ? 'vote' : 'votes'}
        </span>
        {note && <span className="poll__hint">{note}</span>}
        {isHost && view.phase !== 'closed' && (
          <button className="button button--danger poll__close" type="button" data-testid="poll-close" disabled={busy} onClick={controller.close}>
            Close poll
          </button>
        )}
      </footer>

      {error && (
        <p className="poll__error" data-testid="poll-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
