import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { Role, RoleChanged } from '../../api/contract';
import { ApiError } from '../../api/errors';
import { queryKeys } from '../../api/queries';
import { FormField } from '../../components/FormField';
import { errorMessage, useSubmit } from '../../lib/useSubmit';
import { useSession } from '../auth/sessionContext';
import { AdminNav, AdminOnly } from './AdminNav';

const ROLES: Role[] = ['viewer', 'creator', 'admin'];

/** `/admin/roles`: give a user another role, for a reason; each change lands in the audit log. */
export function RolesPage() {
  const { session, api } = useSession();
  const client = useQueryClient();
  const id = useId();
  const [userId, setUserId] = useState('');
  const [looked, setLooked] = useState('');
  const [role, setRole] = useState<Role>('creator');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [done, setDone] = useState<RoleChanged | null>(null);
  const { busy, run } = useSubmit();
  const isAdmin = session?.user.role === 'admin';
  const user = useQuery({
    queryKey: queryKeys.profile(looked),
    queryFn: ({ signal }) => api.getProfile(looked, signal),
    enabled: isAdmin && looked !== '',
    retry: false,
  });

  if (!isAdmin) {
    return <AdminOnly />;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setDone(null);
    await run(
      async () => {
        const changed = await api.changeRole(looked, { role, reason: reason.trim() || null });
        setDone(changed);
        setReason('');
        await client.invalidateQueries({ queryKey: queryKeys.profile(looked) });
      },
      (caught) => setError(caught instanceof Error ? caught : new Error(errorMessage(caught))),
    );
  }

  const fieldErrors = error instanceof ApiError ? error : null;
  return (
    <div className="page" data-testid="roles-page">
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Roles</h1>
          <p className="page-head__lead">
            A new role applies from the user's next sign-in or token refresh. Every change is in the audit log.
          </p>
        </div>
      </header>
      <AdminNav />

      <form
        className="card"
        aria-label="Find a user"
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          setError(null);
          setLooked(userId.trim());
        }}
      >
        <FormField id={`${id}-user`} label="User id (from their profile address, /u/…)">
          <input
            id={`${id}-user`}
            className="input"
            data-testid="roles-user-id"
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
          />
        </FormField>
        <button className="button button--ghost" type="submit" data-testid="roles-find">
          Find
        </button>
      </form>

      {looked !== '' && user.error && (
        <div className="notice notice--error" role="alert" data-testid="roles-not-found">
          <span>{user.error instanceof ApiError && user.error.code === 'not_found' ? 'No user has this id.' : user.error.message}</span>
        </div>
      )}

      {user.data && (
        <form className="card" aria-label="Change role" onSubmit={submit} noValidate>
          <p data-testid="roles-current">
            <Link to={`/u/${encodeURIComponent(user.data.id)}`}>{user.data.handle}</Link> is <strong>{user.data.role}</strong>.
          </p>
          <FormField id={`${id}-role`} label="New role" error={fieldErrors?.field('role')}>
            <select id={`${id}-role`} className="input select" data-testid="roles-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id={`${id}-reason`} label="Reason (kept in the audit log)" error={fieldErrors?.field('reason')}>
            <input
              id={`${id}-reason`}
              className="input"
              data-testid="roles-reason"
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </FormField>
          {error && !fieldErrors?.field('role') && !fieldErrors?.field('reason') && (
            <div className="notice notice--error" role="alert" data-testid="roles-error">
              <span>{error.message}</span>
            </div>
          )}
          {done && (
            <p className="notice" role="status" data-testid="roles-done">
              {done.user.handle}: {done.from} → {done.user.role}.
            </p>
          )}
          <button className="button button--primary" type="submit" data-testid="roles-save" disabled={busy}>
            {busy ? 'Saving…' : 'Change role'}
          </button>
        </form>
      )}
    </div>
  );
}
