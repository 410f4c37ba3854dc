import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/errors';
import type { SignInRole } from '../../api/contract';
import { FieldError } from '../../components/FieldError';
import { useSubmit } from '../../lib/useSubmit';
import { useSession } from './sessionContext';

interface SignInFormProps {
  /** The role picked at first. */
  defaultRole?: SignInRole;
  /** Puts the stable `login-*` test hooks on the fields; only one form on a page may have them. */
  testHooks?: boolean;
  /** `inline` fits the header; `stacked` fits a card. */
  layout?: 'inline' | 'stacked';
}

/** Development sign-in by handle: `POST /api/auth/dev-login`. */
export function SignInForm({ defaultRole = 'viewer', testHooks = false, layout = 'inline' }: SignInFormProps) {
  const { signIn } = useSession();
  const id = useId();
  const [handle, setHandle] = useState('');
  const [role, setRole] = useState<SignInRole>(defaultRole);
  const { busy, run } = useSubmit();
  const [error, setError] = useState<ApiError | Error | null>(null);

  const hook = (name: string) => (testHooks ? name : undefined);
  const fieldErrors = error instanceof ApiError ? error : null;
  const handleError = fieldErrors?.field('handle');
  const roleError = fieldErrors?.field('role');
  const generalError = error && !handleError && !roleError ? error.message : undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    await run(
      () => signIn({ handle: handle.trim(), role }),
      (caught) => setError(caught instanceof Error ? caught : new Error(String(caught))),
    );
  }

  return (
    <form className={`signin signin--${layout}`} onSubmit={submit} noValidate aria-label="Sign in">
      <div className="signin__fields">
        <label className="visually-hidden" htmlFor={`${id}-handle`}>
          Handle
        </label>
        <input
          id={`${id}-handle`}
          className="input signin__handle"
          data-testid={hook('login-handle')}
          name="handle"
          placeholder="your_handle"
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={40}
          value={handle}
          onChange={(e) => setHandle(e.target.value)}
          aria-invalid={handleError ? true : undefined}
          aria-describedby={handleError ? `${id}-handle-error` : undefined}
        />
        <label className="visually-hidden" htmlFor={`${id}-role`}>
          Role
        </label>
        <select
          id={`${id}-role`}
          className="input select signin__role"
          data-testid={hook('login-role')}
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as SignInRole)}
          aria-invalid={roleError ? true : undefined}
        >
          <option value="viewer">Viewer</option>
          <option value="creator">Creator</option>
        </select>
        <button className="button button--primary" type="submit" data-testid={hook('login-submit')} disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
      {error && (
        <div className="signin__errors">
          <FieldError id={`${id}-handle-error`} message={handleError} />
          <FieldError id={`${id}-role-error`} message={roleError} />
          <FieldError id={`${id}-error`} message={generalError} />
        </div>
      )}
    </form>
  );
}
