import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { AuditQuery } from '../../api/contract';
import { ApiError } from '../../api/errors';
import { queryErrorMessage, queryKeys } from '../../api/queries';
import { FormField } from '../../components/FormField';
import { LoadError } from '../../components/LoadError';
import { useSession } from '../auth/sessionContext';
import { AdminNav, AdminOnly } from './AdminNav';

const PAGE = 50;
const FILTERS = [
  ['action', 'Action (e.g. role-change)'],
  ['actorId', 'Actor id'],
  ['targetUserId', 'Target user id'],
  ['streamId', 'Stream id'],
  ['creatorId', "Creator id (that creator's log)"],
] as const;
type Filters = Record<(typeof FILTERS)[number][0], string>;
const NO_FILTERS: Filters = { action: '', actorId: '', targetUserId: '', streamId: '', creatorId: '' };

/** `/admin/audit`: the audit log, newest first, filtered, a page at a time. */
export function AuditPage() {
  const { session, api } = useSession();
  const id = useId();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // The `before` of each page shown so far: going back pops one.
  const [pages, setPages] = useState<number[]>([]);
  const query: AuditQuery = {
    ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()])),
    limit: PAGE,
    ...(pages.length > 0 ? { before: pages[pages.length - 1] } : {}),
  };
  const isAdmin = session?.user.role === 'admin';
  const log = useQuery({
    queryKey: queryKeys.audit(query),
    queryFn: ({ signal }) => api.getAudit(query, signal),
    enabled: isAdmin,
    placeholderData: keepPreviousData,
  });

  if (!isAdmin) {
    return <AdminOnly />;
  }

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters(draft);
    setPages([]);
  }

  const fieldError = (name: string) => (log.error instanceof ApiError ? log.error.field(name) : undefined);
  return (
    <div className="page" data-testid="audit-page">
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Audit log</h1>
          <p className="page-head__lead">Who did what to whom: moderation, role changes, suspensions. It only grows.</p>
        </div>
      </header>
      <AdminNav />

      <form className="card audit-filters" onSubmit={apply} aria-label="Filters" noValidate>
        {FILTERS.map(([name, label]) => (
          <FormField key={name} id={`${id}-${name}`} label={label} error={fieldError(name)}>
            <input
              id={`${id}-${name}`}
              className="input"
              data-testid={`audit-filter-${name}`}
              value={draft[name]}
              onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
            />
          </FormField>
        ))}
        <button className="button button--primary" type="submit" data-testid="audit-apply">
          Filter
        </button>
      </form>

      {log.error && !(log.error instanceof ApiError && Object.keys(log.error.fieldErrors).length > 0) ? (
        <LoadError message={queryErrorMessage(log.error, 'Could not load the log.') ?? ''} onRetry={() => void log.refetch()} />
      ) : !log.data ? (
        <div className="skeleton skeleton--title" role="status" aria-label="Loading" />
      ) : log.data.entries.length === 0 ? (
        <p className="muted" data-testid="audit-empty">
          No entries{pages.length > 0 ? ' further back' : ''}.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table audit-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Stream</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {log.data.entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                  <td>{entry.id}</td>
                  <td>
                    <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
                  </td>
                  <td>
                    <Link to={`/u/${encodeURIComponent(entry.actorId)}`}>{entry.actorHandle}</Link>
                  </td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.targetUserId && <Link to={`/u/${encodeURIComponent(entry.targetUserId)}`}>{entry.targetUserId}</Link>}{' '}
                    {entry.target && <span className="muted">{entry.target}</span>}
                  </td>
                  <td>{entry.streamId && <Link to={`/watch/${encodeURIComponent(entry.streamId)}`}>{entry.streamId}</Link>}</td>
                  <td>{entry.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="pager">
        <button className="button button--ghost" type="button" disabled={pages.length === 0} onClick={() => setPages((p) => p.slice(0, -1))}>
          Newer
        </button>
        <button
          className="button button--ghost"
          type="button"
          data-testid="audit-older"
          disabled={log.data?.next == null}
          onClick={() => {
            const next = log.data?.next;
            if (next != null) {
              setPages((p) => [...p, next]);
            }
          }}
        >
          Older
        </button>
      </div>
    </div>
  );
}
