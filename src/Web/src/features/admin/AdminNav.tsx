import { NavLink } from 'react-router-dom';

/** The admin pages' own tabs. */
export function AdminNav() {
  return (
    <nav className="admin-nav" aria-label="Admin">
      <NavLink className="nav__link" to="/admin/audit">
        Audit log
      </NavLink>
      <NavLink className="nav__link" to="/admin/roles">
        Roles
      </NavLink>
      <NavLink className="nav__link" to="/admin/reports">
        Reports
      </NavLink>
      <NavLink className="nav__link" to="/admin/payouts">
        Payouts
      </NavLink>
    </nav>
  );
}

/** What a non-admin sees on an admin page. */
export function AdminOnly() {
  return (
    <div className="page" data-testid="admin-only">
      <div className="empty">
        <h1>Admins only</h1>
        <p>This page is for the platform's admins.</p>
      </div>
    </div>
  );
}
