import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import type { SessionInfo } from '../../api/contract';
import { LoadError } from '../../components/LoadError';
import { SignInForm } from '../auth/SignInForm';
import { useSession } from '../auth/sessionContext';
import { useSignInOptions } from './useSignInOptions';

/** `/account`: my linked sign-in providers (link, unlink), and my sessions (end one, or sign out everywhere). */
export function AccountPage() {
  const { session } = useSession();
  return (
    <div className="page page--narrow" data-testid="account-page">
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Account</h1>
          <p className="page-head__lead">How you sign in, and where you are signed in.</p>
        </div>
      </header>
      {session ? (
        <>
          <LinkedProviders key={`logins-${session.user.id}`} />
          <Sessions key={`sessions-${session.user.id}`} />
        </>
      ) : (
        <section className="card gate">
          <h2>Sign in to see your account</h2>
          <SignInForm layout="stacked" />
        </section>
      )}
    </div>
  );
}

function LinkedProviders() {
  const { api, session } = useSession();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const options = useSignInOptions();
  const key = ['me', session?.user.id, 'logins'];
  const logins = useQuery({ queryKey: key, queryFn: ({ signal }) => api.myLogins(signal) });
  const link = useMutation({ mutationFn: (provider: string) => api.startLink(provider), onSuccess: (url) => window.location.assign(url) });
  const unlink = useMutation({ mutationFn: (provider: string) => api.unlink(provider), onSettled: () => queryClient.invalidateQueries({ queryKey: key }) });
  const linked = new Set(logins.data?.map((l) => l.provider));
  const linkable = options.data?.providers.filter((p) => !linked.has(p.id)) ?? [];
  const error = link.error ?? unlink.error;

  return (
    <section className="card" aria-labelledby="account-providers">
      <h2 className="card__title" id="account-providers">
        Sign-in providers
      </h2>
      {params.get('linked') && <p data-testid="account-linked">Linked {params.get('linked')}.</p>}
      {logins.error && <LoadError message={logins.error.message} onRetry={() => void logins.refetch()} />}
      {logins.data?.length === 0 && <p className="card__lead">No provider is linked yet: link one to sign in with it.</p>}
      <ul className="account-list" data-testid="account-logins">
        {logins.data?.map((login) => (
          <li key={login.provider} className="account-list__row" data-testid={`account-login-${login.provider}`}>
            <span>
              <strong>{login.providerName}</strong>
              {login.displayName ? ` · ${login.displayName}` : ''}
            </span>
            <button className="button button--ghost" type="button" data-testid={`unlink-${login.provider}`}
              disabled={unlink.isPending} onClick={() => unlink.mutate(login.provider)}>
              Unlink
            </button>
          </li>
        ))}
      </ul>
      {linkable.map((provider) => (
        <button key={provider.id} className="button" type="button" data-testid={`link-${provider.id}`}
          disabled={link.isPending} onClick={() => link.mutate(provider.id)}>
          Link {provider.name}
        </button>
      ))}
      {error && (
        <p className="field-error" role="alert" data-testid="account-error">
          {error.message}
        </p>
      )}
    </section>
  );
}

function Sessions() {
  const { api, session, signOut } = useSession();
  const queryClient = useQueryClient();
  const key = ['me', session?.user.id, 'sessions'];
  const sessions = useQuery({ queryKey: key, queryFn: ({ signal }) => api.listSessions(signal) });
  const end = useMutation({ mutationFn: (id: string) => api.endSession(id), onSettled: () => queryClient.invalidateQueries({ queryKey: key }) });
  const everywhere = useMutation({ mutationFn: () => api.signOutEverywhere(), onSuccess: signOut });

  return (
    <section className="card" aria-labelledby="account-sessions">
      <h2 className="card__title" id="account-sessions">
        Sessions
      </h2>
      {sessions.error && <LoadError message={sessions.error.message} onRetry={() => void sessions.refetch()} />}
      <ul className="account-list" data-testid="account-sessions">
        {sessions.data?.map((s: SessionInfo) => (
          <li key={s.id} className="account-list__row">
            <span>
              <strong>{s.current ? 'This browser' : (s.client ?? 'Another browser')}</strong> · {s.method} · last used{' '}
              {new Date(s.lastUsedAt).toLocaleString()}
            </span>
            {!s.current && (
              <button className="button button--ghost" type="button" disabled={end.isPending} onClick={() => end.mutate(s.id)}>
                Sign out
              </button>
            )}
          </li>
        ))}
      </ul>
      <button className="button button--danger" type="button" data-testid="signout-everywhere"
        disabled={everywhere.isPending} onClick={() => everywhere.mutate()}>
        Sign out everywhere
      </button>
      {(end.error ?? everywhere.error) && <p className="field-error" role="alert">{(end.error ?? everywhere.error)?.message}</p>}
    </section>
  );
}
