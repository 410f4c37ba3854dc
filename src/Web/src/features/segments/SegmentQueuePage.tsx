import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { SegmentQueue, SegmentView } from '../../api/contract';
import { queryKeys } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { useSession } from '../auth/sessionContext';
import { StudioStreamPage, type StudioEditorProps } from '../studio/StudioStreamPage';
import './segments.css';

/** `/studio/streams/:streamId/segments`: cut the live stream to ready clips, now or at a time; reorder and remove. */
export function SegmentQueuePage() {
  return (
    <StudioStreamPage
      title="Segments"
      gateText="Only the creator of a stream plays segments in it."
      className="page page--narrow"
      testId="segment-queue-page"
      Editor={QueueEditor}
    />
  );
}

// The queue moves on its own (clips end, scheduled ones start): the page follows it.
const QUEUE_REFRESH_MS = 2000;

function QueueEditor({ streamId, userId }: StudioEditorProps) {
  const { api } = useSession();
  const client = useQueryClient();
  const queue = useQuery({
    queryKey: queryKeys.segmentQueue(streamId),
    queryFn: ({ signal }) => api.getSegmentQueue(streamId, signal),
    refetchInterval: QUEUE_REFRESH_MS,
  });
  const segments = useQuery({ queryKey: queryKeys.segments(userId), queryFn: ({ signal }) => api.listSegments(signal) });
  const [error, setError] = useState<string | null>(null);

  const run = (change: Promise<SegmentQueue>) =>
    change.then(
      (next) => {
        setError(null);
        client.setQueryData(queryKeys.segmentQueue(streamId), next);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : 'That did not work.'),
    );

  if (queue.error || segments.error) {
    return <LoadError message={(queue.error ?? segments.error)!.message} onRetry={() => void Promise.all([queue.refetch(), segments.refetch()])} />;
  }
  if (!queue.data || !segments.data) {
    return <div className="skeleton skeleton--row" role="status" aria-label="Loading" />;
  }

  const { playing, waiting } = queue.data;
  const ready = segments.data.filter((s) => s.status === 'ready');
  const move = (index: number, by: number) => {
    const ids = waiting.map((e) => e.entryId);
    const [entry] = ids.splice(index, 1);
    if (entry === undefined) {
      return;
    }
    ids.splice(index + by, 0, entry);
    void run(api.reorderSegments(streamId, ids));
  };

  return (
    <>
      <h1 className="page-head__title">Segments</h1>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <section className="card" aria-label="Now playing">
        <h2 className="card__title">Now playing</h2>
        {playing ? (
          <div className="segment-row" data-testid="queue-playing">
            <div className="segment-row__thumb" />
            <div>
              <strong>{playing.title}</strong>
              <p className="muted">{(playing.durationMs / 1000).toFixed(1)} s, from {new Date(playing.startedAt).toLocaleTimeString()}</p>
            </div>
            <button type="button" className="button button--ghost" onClick={() => void run(api.dequeueSegment(streamId, playing.entryId))}>
              Back to live
            </button>
          </div>
        ) : (
          <p className="muted">Live: no clip is playing.</p>
        )}
      </section>
      <section className="card" aria-label="Up next">
        <h2 className="card__title">Up next</h2>
        {waiting.length === 0 ? (
          <p className="muted">Nothing queued.</p>
        ) : (
          <ol className="segments-list" data-testid="queue-waiting">
            {waiting.map((entry, index) => (
              <li key={entry.entryId} className="segment-row">
                <div className="segment-row__thumb" />
                <div>
                  <strong>{entry.title}</strong>
                  <p className="muted">{entry.at ? `at ${new Date(entry.at).toLocaleTimeString()}` : 'when the queue reaches it'}</p>
                </div>
                <div className="segment-row__actions">
                  <button type="button" className="button button--ghost" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move ${entry.title} up`}>
                    ↑
                  </button>
                  <button type="button" className="button button--ghost" disabled={index === waiting.length - 1} onClick={() => move(index, 1)} aria-label={`Move ${entry.title} down`}>
                    ↓
                  </button>
                  <button type="button" className="button button--ghost" onClick={() => void run(api.dequeueSegment(streamId, entry.entryId))}>
                    Remove
                  </button>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="card" aria-label="Ready clips">
        <h2 className="card__title">Ready clips</h2>
        {ready.length === 0 ? (
          <p className="muted">No ready clips: upload some under Studio → Segments.</p>
        ) : (
          <ul className="segments-list" data-testid="queue-ready">
            {ready.map((segment) => (
              <ReadyRow key={segment.id} segment={segment} onQueue={(at) => void run(api.queueSegment(streamId, segment.id, at))} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function ReadyRow({ segment, onQueue }: { segment: SegmentView; onQueue(at: string | null): void }) {
  const id = useId();
  const [at, setAt] = useState('');
  return (
    <li className="segment-row" data-testid="ready-segment">
      {segment.thumbnailUrl ? <img className="segment-row__thumb" src={segment.thumbnailUrl} alt="" /> : <div className="segment-row__thumb" />}
      <div>
        <strong>{segment.title}</strong>
        <p className="muted">{((segment.durationMs ?? 0) / 1000).toFixed(1)} s</p>
        <label htmlFor={`${id}-at`}>Schedule at</label>
        <input id={`${id}-at`} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
      </div>
      <div className="segment-row__actions">
        <button type="button" className="button" onClick={() => onQueue(null)}>
          Queue
        </button>
        <button type="button" className="button button--ghost" disabled={!at} onClick={() => onQueue(new Date(at).toISOString())}>
          Schedule
        </button>
      </div>
    </li>
  );
}
