import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import type { PendingSignUp, SignInRole } from '../../api/contract';
import { FieldError } from '../../components/FieldError';
import { useSubmit } from '../../lib/useSubmit';
import { useSession } from '../auth/sessionContext';

/** `/signin/handle`: a first sign-in through a provider picks its unique handle, then is signed in. */
export function HandlePickerPage() {
  const { api } = useSession();
  const pending = useQuery({ queryKey: ['signin', 'pending'], queryFn: ({ signal }) => api.pendingSignUp(signal), retry: false });
  return (
    <div className="page page--narrow" data-testid="handle-page">
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Pick your handle</h1>
          <p className="page-head__lead">It is how everyone in chat sees you, and it is yours alone.</p>
        </div>
      </header>
      <section className="card">
        {pending.data && <HandleForm pending={pending.data} />}
        {pending.error && (
          <p role="alert">
            {pending.error instanceof ApiError && pending.error.status === 404
              ? 'This sign-in has expired or was finished already.'
              : pending.error.message}{' '}
            <Link to="/signin">Sign in again</Link>
          </p>
        )}
      </section>
    </div>
  );
}

function HandleForm({ pending }: { pending: PendingSignUp }) {
  const { api, adopt } = useSession();
  const navigate = useNavigate();
  const id = useId();
  const [handle, setHandle] = useState(pending.suggestedHandle ?? '');
  const [role, setRole] = useState<SignInRole>('viewer');
  const { busy, run } = useSubmit();
  const [error, setError] = useState<Error | null>(null);
  const fieldErrors = error instanceof ApiError ? error : null;
  const handleError = fieldErrors?.field('handle') ?? (fieldErrors?.code === 'conflict' ? fieldErrors.message : undefined);
  const generalError = error && !handleError ? error.message : undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    await run(
      async () => {
        adopt(await api.signUp({ handle: handle.trim(), role }));
        await navigate('/', { replace: true });
      },
      (caught) => setError(caught instanceof Error ? caught : new Error(String(caught))),
    );
  }

  return (
    <form className="signin signin--stacked" onSubmit={submit} noValidate aria-label="Pick your handle">
      <p className="card__lead">
        Signed in with {pending.provider}
        {pending.displayName ? ` as ${pending.displayName}` : ''}.
      </p>
      <label className="field__label" htmlFor={`${id}-handle`}>
        Handle
      </label>
      <input id={`${id}-handle`} className="input" data-testid="signup-handle" value={handle} maxLength={40}
        autoCapitalize="off" spellCheck={false} onChange={(e) => setHandle(e.target.value)}
        aria-invalid={handleError ? true : undefined} aria-describedby={handleError ? `${id}-handle-error` : undefined} />
      <FieldError id={`${id}-handle-error`} message={handleError} />
      <label className="field__label" htmlFor={`${id}-role`}>
        I am here to
      </label>
      <select id={`${id}-role`} className="input select" data-testid="signup-role" value={role}
        onChange={(e) => setRole(e.target.value as SignInRole)}>
        <option value="viewer">Watch (viewer)</option>
        <option value="creator">Stream (creator)</option>
      </select>
      <button className="button button--primary" type="submit" data-testid="signup-submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create my account'}
      </button>
      <FieldError id={`${id}-error`} message={generalError} />
    </form>
  );
}
