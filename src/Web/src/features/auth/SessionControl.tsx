import { Avatar } from '../../components/Avatar';
import { SignInForm } from './SignInForm';
import { useSession } from './sessionContext';

/** The header's sign-in form, or who is signed in with a sign-out button. */
export function SessionControl() {
  const { session, signOut } = useSession();
  if (!session) {
    return <SignInForm testHooks layout="inline" />;
  }
  const { handle, role } = session.user;
  return (
    <div className="session">
      <Avatar handle={handle} size={30} />
      <span className="session__who">
        <span className="session__handle" data-testid="session-user">
          {handle}
        </span>
        <span className={`role-tag role-tag--${role}`}>{role}</span>
      </span>
      <button className="button button--ghost" type="button" data-testid="logout" onClick={signOut}>
        Sign out
      </button>
    </div>
  );
}
