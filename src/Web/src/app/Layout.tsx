import { Link, NavLink, Outlet } from 'react-router-dom';
import { SessionControl } from '../features/auth/SessionControl';
import { useSession } from '../features/auth/sessionContext';
import { HeaderProgress } from '../features/progression/XpBar';
import { LiveNotices } from '../features/discovery/LiveNotices';

/** The header on every page, and the page below it. */
export function Layout() {
  const { session } = useSession();
  return (
    <div className="app">
      <header className="topbar">
        <div className="topbar__inner">
          <Link className="brand" to="/" aria-label="LiveStreamX home">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">
              LiveStream<span className="brand__x">X</span>
            </span>
          </Link>
          <nav className="nav" aria-label="Main">
            <NavLink className="nav__link" to="/" end>
              Home
            </NavLink>
            <NavLink className="nav__link" to="/studio">
              Studio
            </NavLink>
            <NavLink className="nav__link" to="/leaderboards" data-testid="nav-leaderboards">
              Leaderboards
            </NavLink>
            {session && (
              <NavLink className="nav__link" to="/wallet" data-testid="nav-wallet">
                Wallet
              </NavLink>
            )}
            <NavLink className="nav__link" to="/store" data-testid="nav-store">
              Store
            </NavLink>
            {session && session.user.role !== 'viewer' && (
              <NavLink className="nav__link" to="/earnings" data-testid="nav-earnings">
                Earnings
              </NavLink>
            )}
            {session?.user.role === 'admin' && (
              <NavLink className="nav__link" to="/admin/audit" data-testid="nav-admin">
                Admin
              </NavLink>
            )}
            {session ? (
              <NavLink className="nav__link" to="/account" data-testid="nav-account">
                Account
              </NavLink>
            ) : (
              <NavLink className="nav__link" to="/signin" data-testid="nav-signin">
                Sign in
              </NavLink>
            )}
          </nav>
          <div className="topbar__session">
            {session && <HeaderProgress />}
            <SessionControl />
          </div>
        </div>
      </header>
      <main className="main">
        <Outlet />
      </main>
      <LiveNotices />
    </div>
  );
}
