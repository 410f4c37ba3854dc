import { useId, useRef, useState, type FormEvent } from 'react';
import { toLiveError } from '../../api/errors';
import { CHAT_MAX_LENGTH } from '../../api/contract';

interface ChatComposerProps {
  /** Why sending is impossible right now (signed out, not live), or null when it is possible. */
  blockedReason: string | null;
  /** A note under the input while it is enabled (slow mode). */
  note: string | null;
  onSend(text: string): Promise<unknown>;
}

/** The chat input: Enter or the button sends; server refusals (rate limit, slow mode, …) show inline. */
export function ChatComposer({ blockedReason, note, onSend }: ChatComposerProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const disabled = blockedReason !== null;
  const trimmed = text.trim();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (disabled || sending || trimmed.length === 0) {
      return;
    }
    setSending(true);
    setError(null);
    try {
      await onSend(trimmed);
      setText('');
      inputRef.current?.focus(); // keep typing after a click on Send
    } catch (caught) {
      setError(toLiveError(caught).message);
    } finally {
      setSending(false);
    }
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <form className="chat-composer" onSubmit={submit} noValidate>
      {error && !disabled && (
        <p className="chat-composer__error" id={errorId} data-testid="chat-error" role="alert">
          {error}
        </p>
      )}
      <div className="chat-composer__row">
        <label className="visually-hidden" htmlFor={`${id}-input`}>
          Chat message
        </label>
        <input
          id={`${id}-input`}
          ref={inputRef}
          className="input chat-composer__input"
          data-testid="chat-input"
          placeholder="Send a message"
          autoComplete="off"
          maxLength={CHAT_MAX_LENGTH}
          value={text}
          disabled={disabled}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={[error ? errorId : '', blockedReason || note ? hintId : ''].join(' ').trim() || undefined}
        />
        <button
          className="button button--primary"
          type="submit"
          data-testid="chat-send"
          disabled={disabled || sending || trimmed.length === 0}
        >
          Send
        </button>
      </div>
      {(blockedReason || note) && (
        <p className="chat-composer__hint" id={hintId}>
          {blockedReason ?? note}
        </p>
      )}
    </form>
  );
}
