import { Navigate, useSearchParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { SignInForm } from '../auth/SignInForm';
import { useSession } from '../auth/sessionContext';
import { localReturnUrl, providerLoginUrl, useSignInOptions } from './useSignInOptions';

/** `/signin`: a button per configured provider, the reason a sign-in failed, and dev-login where it is on. */
export function SignInPage() {
  const { session } = useSession();
  const [params] = useSearchParams();
  const returnUrl = localReturnUrl(params.get('returnUrl'));
  const options = useSignInOptions();
  const failure = params.get('error') ? (params.get('message') ?? 'The sign-in failed: try again.') : null;

  if (session) {
    return <Navigate to={returnUrl} replace />;
  }
  return (
    <div className="page page--narrow" data-testid="signin-page">
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Sign in</h1>
          <p className="page-head__lead">The first time, you pick the handle everyone sees.</p>
        </div>
      </header>
      <section className="card signin-card">
        {failure && (
          <p className="field-error" role="alert" data-testid="signin-error">
            {failure}
          </p>
        )}
        {options.error && <LoadError message={options.error.message} onRetry={() => void options.refetch()} />}
        {options.data && options.data.providers.length === 0 && !options.data.devLogin && (
          <p>No sign-in provider is configured on this server.</p>
        )}
        <ul className="signin-card__providers">
          {options.data?.providers.map((provider) => (
            <li key={provider.id}>
              <a className="button button--primary signin-card__provider" href={providerLoginUrl(provider.id, returnUrl)}
                data-testid={`signin-provider-${provider.id}`}>
                Continue with {provider.name}
              </a>
            </li>
          ))}
        </ul>
        {options.data?.devLogin && (
          <>
            <h2 className="card__title">Development sign-in</h2>
            <p className="card__lead">By handle, with no password: this server has dev-login on.</p>
            <SignInForm layout="stacked" />
          </>
        )}
      </section>
    </div>
  );
}
