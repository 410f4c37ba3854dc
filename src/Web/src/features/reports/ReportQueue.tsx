import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { REPORT_TEXT_MAX, type Report } from '../../api/contract';
import { ApiError } from '../../api/errors';
import { queryErrorMessage, queryKeys } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/useSubmit';
import { resolveDraftSchema, type ResolveDraft } from './reportForm';
import './reports.css';

interface ReportQueueProps {
  /** The queue's cache scope: `creator:<id>` or `admin`. */
  scope: string;
  /** Reads the queue, newest first; only the unresolved ones when `open`. */
  load(open: boolean, signal: AbortSignal): Promise<Report[]>;
  resolve(reportId: string, resolution: string): Promise<Report>;
  /** Whose reports, for the lead line. */
  lead: string;
}

/** A report queue: open reports newest first, each with Resolve and an optional note; resolved ones on request. */
export function ReportQueue({ scope, load, resolve, lead }: ReportQueueProps) {
  const [showResolved, setShowResolved] = useState(false);
  const id = useId();
  const open = !showResolved;
  const reports = useQuery({ queryKey: [...queryKeys.reports(scope), { open }], queryFn: ({ signal }) => load(open, signal) });

  return (
    <section className="card reports" aria-labelledby={`${id}-title`} data-testid="reports">
      <header className="reports__head">
        <h2 id={`${id}-title`}>Reports</h2>
        <label className="reports__toggle">
          <input type="checkbox" data-testid="reports-show-resolved" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> Show
          resolved ones too
        </label>
      </header>
      <p className="muted">{lead}</p>
      {reports.error ? (
        <div data-testid="reports-error">
          <LoadError message={queryErrorMessage(reports.error, 'Could not load the reports.') ?? ''} onRetry={() => void reports.refetch()} />
        </div>
      ) : !reports.data ? (
        <div className="skeleton skeleton--title" role="status" aria-label="Loading" />
      ) : reports.data.length === 0 ? (
        <p className="muted" data-testid="reports-empty">
          {open ? 'No open reports.' : 'No reports yet.'}
        </p>
      ) : (
        <ol className="report-list">
          {reports.data.map((report) => (
            <ReportItem key={report.id} report={report} scope={scope} resolve={resolve} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ReportItem({ report, scope, resolve }: { report: Report; scope: string; resolve: ReportQueueProps['resolve'] }) {
  const client = useQueryClient();
  const id = useId();
  const { register, handleSubmit, formState } = useForm<ResolveDraft, unknown, ResolveDraft>({
    resolver: zodResolver(resolveDraftSchema),
    defaultValues: { note: '' },
  });
  const resolving = useMutation({
    mutationFn: (resolution: string) => resolve(report.id, resolution),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.reports(scope) }),
  });
  const resolved = report.resolution != null;
  const serverNote = resolving.error instanceof ApiError ? resolving.error.field('resolution') : undefined;
  const noteError = formState.errors.note?.message ?? serverNote;

  return (
    <li className="report-item" data-testid="report-item" data-report-id={report.id} data-resolved={resolved ? 'true' : 'false'}>
      <p className="report-item__line">
        <time dateTime={report.at}>{new Date(report.at).toLocaleString()}</time>{' '}
        <Link to={`/u/${encodeURIComponent(report.reporterId)}`}>{report.reporterHandle}</Link> reported{' '}
        {report.targetUserId ? (
          <Link to={`/u/${encodeURIComponent(report.targetUserId)}`} data-testid="report-target">
            {report.targetUserId}
          </Link>
        ) : (
          'a user'
        )}
        {report.streamId && (
          <>
            {' '}
            in{' '}
            <Link to={`/watch/${encodeURIComponent(report.streamId)}`} data-testid="report-stream">
              {report.streamId}
            </Link>
          </>
        )}
      </p>
      {report.messageText != null && (
        <blockquote className="report-item__message" data-testid="report-message">
          {report.messageText}
        </blockquote>
      )}
      <p className="report-item__reason">
        <span className="muted">Reason:</span> <span data-testid="report-reason-text">{report.reason}</span>
      </p>
      {resolved ? (
        <p className="report-item__resolution" data-testid="report-resolution">
          Resolved{report.resolvedAt ? ` ${new Date(report.resolvedAt).toLocaleString()}` : ''}: {report.resolution}
        </p>
      ) : (
        <form
          className="mod-form"
          aria-label={`Resolve the report by ${report.reporterHandle}`}
          noValidate
          onSubmit={(e) => void handleSubmit(({ note }) => resolving.mutate(note))(e)}
        >
          <label htmlFor={`${id}-note`}>Note (optional)</label>
          <input
            id={`${id}-note`}
            className="input"
            data-testid="report-note"
            maxLength={REPORT_TEXT_MAX}
            {...register('note', { onChange: () => resolving.reset() })}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${id}-note-error` : undefined}
          />
          <button className="button button--primary" type="submit" data-testid="report-resolve" disabled={resolving.isPending}>
            {resolving.isPending ? 'Resolving…' : 'Resolve'}
          </button>
          {noteError && (
            <p className="field-error" id={`${id}-note-error`} role="alert">
              {noteError}
            </p>
          )}
          {resolving.error && !serverNote && (
            <p className="form-error" role="alert" data-testid="report-resolve-error">
              {errorMessage(resolving.error)}
            </p>
          )}
        </form>
      )}
    </li>
  );
}
