import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { QA_TEXT_MAX, type Question, type Stream } from '../../../api/contract';
import { Avatar } from '../../../components/Avatar';
import { timeAgo } from '../../../lib/format';
import type { Session } from '../../auth/sessionStorage';
import type { QaController } from './useQa';

interface QaPanelProps {
  controller: QaController;
  stream: Stream | null;
  session: Session | null;
  /** The stream's creator or an admin: marks questions answered or dismissed. */
  isHost: boolean;
}

function blockedReason(stream: Stream | null, session: Session | null): string | null {
  if (!session) {
    return 'Sign in to ask the creator a question.';
  }
  if (!stream) {
    return 'Connecting…';
  }
  return stream.status === 'live' ? null : 'Questions are open while the stream is live.';
}

/**
 * Q&A beside the chat: an ask box (1–300 characters; refusals such as the rate limit inline), the open questions by
 * upvotes with an upvote button (once per question), the answered ones apart, and the host's Answered / Dismiss.
 */
export function QaPanel({ controller, stream, session, isHost }: QaPanelProps) {
  const id = useId();
  const [text, setText] = useState('');
  const { sections, loaded, loadError, error, asking } = controller;
  const blocked = blockedReason(stream, session);
  const length = text.trim().length;
  const over = length > QA_TEXT_MAX;

  async function submit(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (blocked || asking) {
      return;
    }
    if (await controller.ask(text)) {
      setText('');
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter asks, Shift+Enter would be a new line (which the server flattens anyway).
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  }

  const total = sections.open.length + sections.answered.length;
  return (
    <section className="qa" data-testid="qa-panel" aria-label="Questions and answers">
      <form className="qa__ask" onSubmit={submit} noValidate>
        <label className="visually-hidden" htmlFor={`${id}-input`}>
          Your question
        </label>
        <div className="qa__ask-row">
          <textarea
            id={`${id}-input`}
            className="input qa__input"
            data-testid="qa-input"
            rows={2}
            placeholder={blocked ?? 'Ask the creator something…'}
            value={text}
            disabled={blocked !== null}
            aria-invalid={over || undefined}
            aria-describedby={`${id}-count${error ? ` ${id}-error` : ''}`}
            onChange={(e) => {
              setText(e.target.value);
              if (error) {
                controller.clearError();
              }
            }}
            onKeyDown={onKeyDown}
          />
          <button
            className="button button--primary qa__submit"
            type="submit"
            data-testid="qa-submit"
            disabled={blocked !== null || asking || length === 0}
          >
            {asking ? 'Asking…' : 'Ask'}
          </button>
        </div>
        <div className="qa__ask-foot">
          <span className="qa__hint">{blocked ?? 'Upvote the questions you want answered.'}</span>
          <span className={`qa__count${over ? ' qa__count--over' : ''}`} id={`${id}-count`} aria-live="polite">
            {length}/{QA_TEXT_MAX}
          </span>
        </div>
        {error && (
          <p className="qa__error" id={`${id}-error`} data-testid="qa-error" role="alert">
            {error}
          </p>
        )}
      </form>

      <div className="qa__body">
        {loadError && (
          <p className="notice notice--error qa__load-error" role="alert">
            {loadError}
          </p>
        )}
        {!loaded && !loadError ? (
          <div className="qa__loading" aria-label="Loading questions">
            <div className="skeleton skeleton--line" />
            <div className="skeleton skeleton--line" />
          </div>
        ) : total === 0 ? (
          <div className="qa__empty">
            <span aria-hidden="true">🙋</span>
            <p>No questions yet. Be the first to ask!</p>
          </div>
        ) : (
          <>
            <h3 className="qa__section">
              Open <span className="qa__section-count">{sections.open.length}</span>
            </h3>
            {sections.open.length === 0 ? (
              <p className="qa__none muted">Every question has an answer.</p>
            ) : (
              <ol className="qa__list">
                {sections.open.map((q) => (
                  <QuestionItem key={q.questionId} question={q} controller={controller} session={session} isHost={isHost} />
                ))}
              </ol>
            )}
            {sections.answered.length > 0 && (
              <>
                <h3 className="qa__section qa__section--answered">
                  Answered <span className="qa__section-count">{sections.answered.length}</span>
                </h3>
                <ol className="qa__list qa__list--answered">
                  {sections.answered.map((q) => (
                    <QuestionItem key={q.questionId} question={q} controller={controller} session={session} isHost={isHost} />
                  ))}
                </ol>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}

interface QuestionItemProps {
  question: Question;
  controller: QaController;
  session: Session | null;
  isHost: boolean;
}

function QuestionItem({ question, controller, session, isHost }: QuestionItemProps) {
  const { questionId, status, upvotes } = question;
  const mine = session?.user.id === question.by.userId;
  const upvotedByMe = controller.upvoted.has(questionId);
  const busy = controller.pending.has(questionId);
  const open = status === 'open';
  const upvoteLabel = !session ? 'Sign in to upvote' : upvotedByMe ? 'You upvoted this question' : 'Upvote this question';

  return (
    <li
      className={`qa-q qa-q--${status}${upvotedByMe ? ' qa-q--upvoted' : ''}${mine ? ' qa-q--mine' : ''}`}
      data-testid="qa-question"
      data-question-id={questionId}
      data-status={status}
    >
      <div className="qa-q__vote">
        {open ? (
          <button
            type="button"
            className="qa-q__upvote"
            data-testid="qa-upvote"
            aria-label={upvoteLabel}
            title={upvoteLabel}
            aria-pressed={upvotedByMe}
            disabled={!session || upvotedByMe || busy}
            onClick={() => controller.upvote(questionId)}
          >
            <span aria-hidden="true">▲</span>
          </button>
        ) : (
          <span className="qa-q__check" aria-label="Answered">
            ✓
          </span>
        )}
        <span className="qa-q__upvotes" data-testid="qa-upvotes" title={`${upvotes} ${upvotes === 1 ? 'upvote' : 'upvotes'}`}>
          {upvotes}
        </span>
      </div>
      <div className="qa-q__body">
        <p className="qa-q__text">{question.text}</p>
        <p className="qa-q__meta">
          <Avatar handle={question.by.handle || '?'} size={18} />
          <span className="qa-q__handle">{question.by.handle}</span>
          {mine && <span className="qa-q__you">you</span>}
          {question.askedAt && <span className="muted">· {timeAgo(question.askedAt)}</span>}
        </p>
      </div>
      {isHost && (
        <div className="qa-q__actions">
          {open && (
            <button
              type="button"
              className="button button--ghost qa-q__action qa-q__action--answer"
              data-testid="qa-answer"
              disabled={busy}
              onClick={() => controller.mark(questionId, 'answered')}
            >
              Answered
            </button>
          )}
          <button
            type="button"
            className="button button--ghost qa-q__action"
            data-testid="qa-dismiss"
            disabled={busy}
            onClick={() => controller.mark(questionId, 'dismissed')}
          >
            Dismiss
          </button>
        </div>
      )}
    </li>
  );
}
