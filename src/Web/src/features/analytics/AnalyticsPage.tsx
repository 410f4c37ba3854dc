import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Stream, StreamAnalytics } from '../../api/contract';
import { ApiError } from '../../api/errors';
import { queryKeys } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { clockTime } from '../../lib/format';
import { errorMessage, useSubmit } from '../../lib/useSubmit';
import { useSession } from '../auth/sessionContext';
import { StudioStreamPage, type StudioEditorProps } from '../studio/StudioStreamPage';
import { StatusBadge } from '../streams/StatusBadge';
import { AnalyticsCharts } from './AnalyticsCharts';
import { csvFileName, LIVE_REFRESH_MS, minuteRows, refreshInterval, retentionRows, summaryFigures } from './analyticsView';
import { saveBlob } from './saveBlob';
import './analytics.css';

/** `/studio/streams/:streamId/analytics`: the stream's audience figures, refreshed while it is live. */
export function AnalyticsPage() {
  return (
    <StudioStreamPage
      title="Analytics"
      gateText="Only the creator of a stream, or an admin, sees its analytics."
      className="page analytics-page"
      testId="analytics-page"
      Editor={AnalyticsView}
    />
  );
}

/** An answer the server gave on purpose (refused, unknown, bad range): trying again would get the same. */
function isFinal(error: Error): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

function AnalyticsView({ streamId, userId }: StudioEditorProps) {
  const { api } = useSession();
  // The stream is read again while live too, so that its end stops the refreshing.
  const streamQuery = useQuery({
    queryKey: queryKeys.stream(streamId),
    queryFn: ({ signal }) => api.getStream(streamId, signal),
    refetchInterval: (query) => refreshInterval(query.state.data?.status),
  });
  const stream = streamQuery.data;
  const analyticsQuery = useQuery({
    queryKey: queryKeys.analytics(userId, streamId),
    queryFn: ({ signal }) => api.getStreamAnalytics(streamId, {}, signal),
    // A 403 or 404 stays the answer: it is not asked again every 5 s.
    refetchInterval: (query) => (query.state.error && isFinal(query.state.error) ? false : refreshInterval(stream?.status)),
  });
  const analytics = analyticsQuery.data;
  // The refusal speaks for the stream too: a viewer gets "not yours", not the stream's details.
  const failed = analyticsQuery.error ?? streamQuery.error;

  if (failed && !analytics) {
    return (
      <>
        <Heading stream={stream ?? null} />
        {isFinal(failed) ? (
          <div className="notice notice--error" role="alert" data-testid="analytics-error">
            <span>{failed.message}</span>
          </div>
        ) : (
          <LoadError
            className="analytics-error"
            message={failed.message}
            onRetry={() => {
              void streamQuery.refetch();
              void analyticsQuery.refetch();
            }}
          />
        )}
      </>
    );
  }
  if (!analytics || !stream) {
    return (
      <>
        <div className="skeleton skeleton--title" role="status" aria-label="Loading" />
        <div className="skeleton skeleton--row" />
      </>
    );
  }

  return (
    <>
      <Heading stream={stream} analytics={analytics} updatedAt={analyticsQuery.dataUpdatedAt} />
      {analyticsQuery.error && (
        <div className="notice notice--error" role="alert" data-testid="analytics-error">
          <span>Could not refresh the figures: {analyticsQuery.error.message}</span>
        </div>
      )}
      <Figures stream={stream} analytics={analytics} />
    </>
  );
}

function Heading({ stream, analytics, updatedAt }: { stream: Stream | null; analytics?: StreamAnalytics; updatedAt?: number }) {
  const live = stream?.status === 'live';
  return (
    <header className="page-head">
      <div>
        <h1 className="page-head__title">Analytics</h1>
        {stream && (
          <p className="page-head__lead">
            <span className="command-stream">
              <StatusBadge status={stream.status} /> {stream.title}
            </span>
          </p>
        )}
        {analytics && (
          <p className="page-head__lead analytics-freshness" data-testid="analytics-freshness" data-live={live}>
            {live
              ? `Live: the figures refresh every ${LIVE_REFRESH_MS / 1000} s.`
              : `Final figures${updatedAt ? `, read at ${clockTime(new Date(updatedAt).toISOString())}` : ''}.`}
          </p>
        )}
      </div>
      {stream && analytics && (
        <div className="analytics-actions">
          <CsvDownload streamId={stream.id} />
          <Link className="button button--ghost" to={`/watch/${encodeURIComponent(stream.id)}`}>
            Open the watch page
          </Link>
        </div>
      )}
    </header>
  );
}

/** "Download CSV": fetched with the bearer token (the endpoint needs it), then saved from a Blob. */
function CsvDownload({ streamId }: { streamId: string }) {
  const { api } = useSession();
  const { busy, run } = useSubmit();
  const [error, setError] = useState<string | null>(null);
  const download = () => {
    setError(null);
    void run(async () => saveBlob(await api.getStreamAnalyticsCsv(streamId), csvFileName(streamId)), (caught) => setError(errorMessage(caught)));
  };
  return (
    <div className="analytics-csv">
      <button className="button" type="button" data-testid="analytics-csv" disabled={busy} onClick={download}>
        {busy ? 'Preparing…' : 'Download CSV'}
      </button>
      {error && (
        <p className="field-error" role="alert" data-testid="analytics-csv-error">
          {error}
        </p>
      )}
    </div>
  );
}

function Figures({ stream, analytics }: { stream: Stream; analytics: StreamAnalytics }) {
  const rows = useMemo(() => minuteRows(analytics.minutes), [analytics.minutes]);
  const retention = useMemo(() => retentionRows(analytics.retention), [analytics.retention]);
  const figures = summaryFigures(analytics.summary);

  return (
    <>
      <section aria-label="Summary" className="analytics-summary" data-testid="analytics-summary">
        {figures.map((figure) => (
          <div key={figure.key} className="card analytics-figure" data-testid="analytics-figure" data-figure={figure.key} data-value={analytics.summary[figure.key]}>
            <span className="analytics-figure__label">{figure.label}</span>
            <strong className="analytics-figure__value">{figure.value}</strong>
            <span className="analytics-figure__hint">{figure.hint}</span>
          </div>
        ))}
      </section>
      {rows.length === 0 ? (
        <section className="card empty" data-testid="analytics-empty">
          <span className="empty__icon" aria-hidden="true">
            📈
          </span>
          <h2>No figures yet</h2>
          <p>
            {stream.status === 'scheduled'
              ? 'The charts start when you go live.'
              : stream.status === 'live'
                ? 'The first minute is being counted: the charts appear within a minute.'
                : 'Nobody was counted while this stream was live.'}
          </p>
        </section>
      ) : (
        <AnalyticsCharts rows={rows} retention={retention} />
      )}
    </>
  );
}
