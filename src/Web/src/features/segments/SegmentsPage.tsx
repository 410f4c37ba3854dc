import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { SegmentView } from '../../api/contract';
import { queryKeys } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { useLive } from '../../app/liveContext';
import { SignInForm } from '../auth/SignInForm';
import { useSession } from '../auth/sessionContext';
import { canCreate } from '../auth/sessionStorage';
import { uploadSegment, type UploadStatus } from './uploadSegment';
import './segments.css';

/** `/studio/segments`: my pre-recorded clips: upload (chunked, resumable), processing progress, delete. */
export function SegmentsPage() {
  const { session } = useSession();
  return (
    <div className="page page--narrow" data-testid="segments-page">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/studio">← Studio</Link>
      </nav>
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Segments</h1>
          <p className="page-head__lead">Pre-recorded clips (MP4, MOV or WebM) to cut to during a live stream.</p>
        </div>
      </header>
      {session && canCreate(session) ? (
        <Segments userId={session.user.id} />
      ) : (
        <section className="card gate">
          <h2>Segments are for creators</h2>
          <SignInForm defaultRole="creator" layout="stacked" />
        </section>
      )}
    </div>
  );
}

function Segments({ userId }: { userId: string }) {
  const { api } = useSession();
  const live = useLive();
  const client = useQueryClient();
  const segments = useQuery({ queryKey: queryKeys.segments(userId), queryFn: ({ signal }) => api.listSegments(signal) });

  // Processing moves on on the server: each step refreshes the list.
  useEffect(
    () =>
      live.onUserEvent((event) => {
        if (event.type === 'segment:processing') {
          client.setQueryData<SegmentView[]>(queryKeys.segments(userId), (list) =>
            list?.map((s) => (s.id === event.segmentId ? { ...s, status: event.status, progress: event.progress, failureReason: event.failureReason } : s)),
          );
          if (event.status === 'ready' || event.status === 'failed') {
            void client.invalidateQueries({ queryKey: queryKeys.segments(userId) });
          }
        }
      }),
    [live, client, userId],
  );

  return (
    <>
      <UploadForm onUploaded={() => void client.invalidateQueries({ queryKey: queryKeys.segments(userId) })} />
      <section>
        <h2 className="section-title">My segments</h2>
        {segments.error ? (
          <LoadError message={segments.error.message} onRetry={() => void segments.refetch()} />
        ) : !segments.data ? (
          <div className="skeleton skeleton--row" role="status" aria-label="Loading" />
        ) : segments.data.length === 0 ? (
          <p className="muted">No segments yet.</p>
        ) : (
          <ul className="segments-list" data-testid="segments-list">
            {segments.data.map((segment) => (
              <SegmentRow key={segment.id} segment={segment} onDeleted={() => void client.invalidateQueries({ queryKey: queryKeys.segments(userId) })} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

const STATUS_TEXT: Record<SegmentView['status'], string> = {
  uploading: 'Upload not finished',
  processing: 'Processing',
  ready: 'Ready',
  failed: 'Failed',
};

function SegmentRow({ segment, onDeleted }: { segment: SegmentView; onDeleted(): void }) {
  const { api } = useSession();
  const [error, setError] = useState<string | null>(null);
  return (
    <li className="card segment-row" data-testid="segment-row" data-status={segment.status}>
      {segment.thumbnailUrl ? <img className="segment-row__thumb" src={segment.thumbnailUrl} alt="" /> : <div className="segment-row__thumb" />}
      <div>
        <strong>{segment.title}</strong>
        <p className="muted">
          {STATUS_TEXT[segment.status]}
          {segment.status === 'processing' && ` · ${segment.progress}%`}
          {segment.durationMs !== null && ` · ${(segment.durationMs / 1000).toFixed(1)} s`}
        </p>
        {segment.status === 'processing' && <progress className="upload-progress" max={100} value={segment.progress} aria-label={`Processing ${segment.title}`} />}
        {segment.failureReason && (
          <p className="field-error" role="alert">
            {segment.failureReason}
          </p>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="segment-row__actions">
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            api.deleteSegment(segment.id).then(onDeleted, (e: unknown) => setError(e instanceof Error ? e.message : 'Could not delete.'));
          }}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

function UploadForm({ onUploaded }: { onUploaded(): void }) {
  const { api } = useSession();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [status, setStatus] = useState<UploadStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setError('Choose a video file.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await uploadSegment(api, file, title.trim() || file.name, setStatus);
      setFile(null);
      setTitle('');
      setStatus(null);
      onUploaded();
    } catch (e) {
      // The chunks that arrived stay: choosing the same file again resumes the upload.
      setError(`${e instanceof Error ? e.message : 'The upload stopped.'} Choose the same file again to resume.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} data-testid="segment-upload">
      <h2 className="card__title">Upload a clip</h2>
      <label htmlFor={`${id}-file`}>Video file</label>
      <input id={`${id}-file`} type="file" accept="video/mp4,video/quicktime,video/webm" onChange={(e) => setFile(e.target.files?.[0] ?? null)} disabled={busy} />
      <label htmlFor={`${id}-title`}>Title</label>
      <input id={`${id}-title`} value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} disabled={busy} placeholder={file?.name ?? 'Intermission'} />
      {status && (
        <>
          <progress className="upload-progress" max={status.total} value={status.sent} aria-label="Upload progress" />
          <p className="muted">
            {Math.floor((status.sent / status.total) * 100)}% uploaded{status.resumed ? ' (resumed)' : ''}
          </p>
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Uploading…' : 'Upload'}
      </button>
    </form>
  );
}
