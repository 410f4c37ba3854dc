import { useId, useState, type FormEvent } from 'react';
import { MOMENT_NOTE_MAX } from '../../../api/contract';
import type { Session } from '../../auth/sessionStorage';
import type { MomentsController } from './useMoments';

/** "Mark moment": records a highlight now, with an optional note; refusals (once per 30 s) show inline. */
export function MarkMoment({ controller, session }: { controller: MomentsController; session: Session | null }) {
  const id = useId();
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const { marking, markError } = controller;

  if (!session) {
    return null;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (marking) {
      return;
    }
    setDone(false);
    if (await controller.mark(note)) {
      setNote('');
      setDone(true);
    }
  }

  return (
    <form className="mark-moment" onSubmit={submit} noValidate aria-label="Mark a highlight moment">
      <div className="mark-moment__row">
        <label className="visually-hidden" htmlFor={`${id}-note`}>
          Note for the moment (optional)
        </label>
        <input
          id={`${id}-note`}
          className="input mark-moment__note"
          data-testid="moment-note"
          placeholder="Note (optional)"
          maxLength={MOMENT_NOTE_MAX}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            setDone(false);
            if (markError) {
              controller.clearMarkError();
            }
          }}
        />
        <button
          className="button mark-moment__button"
          type="submit"
          data-testid="moment-mark"
          disabled={marking}
          title="Mark this moment as a highlight: everyone gets a link to share it"
        >
          <span aria-hidden="true">📌</span> {marking ? 'Marking…' : 'Mark moment'}
        </button>
      </div>
      {markError ? (
        <p className="mark-moment__error" data-testid="moment-error" role="alert">
          {markError}
        </p>
      ) : (
        done && (
          <p className="mark-moment__done" role="status">
            Marked! Everyone sees it in Moments.
          </p>
        )
      )}
    </form>
  );
}
