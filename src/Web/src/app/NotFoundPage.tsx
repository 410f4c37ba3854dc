import { Link } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <div className="page">
      <div className="empty">
        <h1>Page not found</h1>
        <p>There is nothing at this address.</p>
        <Link className="button button--primary" to="/">
          Go home
        </Link>
      </div>
    </div>
  );
}
