import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useSession } from '../auth/sessionContext';
import { localReturnUrl } from './useSignInOptions';

/** `/signin/complete`: back from a provider with the session cookie; trades it for an access token, then goes on. */
export function SignInCompletePage() {
  const { resume } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnUrl = localReturnUrl(params.get('returnUrl'));
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    void resume().then(async (session) => {
      if (!live) {
        return;
      }
      if (session) {
        await navigate(returnUrl, { replace: true });
      } else {
        setFailed(true);
      }
    });
    return () => {
      live = false;
    };
  }, [resume, navigate, returnUrl]);

  return (
    <div className="page page--narrow" data-testid="signin-complete">
      <section className="card">
        {failed ? (
          <p role="alert">
            The sign-in did not finish. <Link to="/signin">Try again</Link>
          </p>
        ) : (
          <p>Signing you in…</p>
        )}
      </section>
    </div>
  );
}
