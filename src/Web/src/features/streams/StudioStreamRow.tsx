import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { Stream, StreamMove } from '../../api/contract';
import { SLOW_MODE_MAX_SECONDS } from '../../api/contract';
import { compactNumber, timeAgo } from '../../lib/format';
import { useSession } from '../auth/sessionContext';
import { MOVE_LABELS, nextMove } from './moves';
import { StatusBadge } from './StatusBadge';

interface StudioStreamRowProps {
  stream: Stream;
  onChanged(stream: Stream): void;
}

function when(stream: Stream): string {
  switch (stream.status) {
    case 'scheduled':
      return `created ${timeAgo(stream.createdAt)}`;
    case 'live':
      return `went live ${timeAgo(stream.startedAt)}`;
    case 'ended':
      return `ended ${timeAgo(stream.endedAt)}`;
    case 'archived':
      return `archived ${timeAgo(stream.archivedAt)}`;
  }
}

/** One of my streams: its state, the move allowed from it, slow mode, and a link to watch. */
export function StudioStreamRow({ stream, onChanged }: StudioStreamRowProps) {
  const { api } = useSession();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [slowMode, setSlowMode] = useState(String(stream.slowModeSeconds));
  const [dirty, setDirty] = useState(false);
  const move = nextMove(stream.status);

  // Follow the server's value unless the creator is editing it.
  const serverSlowMode = String(stream.slowModeSeconds);
  const [followed, setFollowed] = useState(serverSlowMode);
  if (!dirty && followed !== serverSlowMode) {
    setFollowed(serverSlowMode);
    setSlowMode(serverSlowMode);
  }

  async function run(action: () => Promise<Stream | null>) {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const updated = await action();
      if (updated) {
        onChanged(updated);
      }
      return true;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const doMove = (m: StreamMove) => void run(() => api.moveStream(stream.id, m));

  async function saveSlowMode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const seconds = slowMode.trim() === '' ? Number.NaN : Number(slowMode);
    if (!Number.isFinite(seconds)) {
      setError(`Enter a number of seconds from 0 to ${SLOW_MODE_MAX_SECONDS}.`);
      return;
    }
    const ok = await run(async () => {
      const updated = await api.setSlowMode(stream.id, { seconds });
      return updated ?? { ...stream, slowModeSeconds: seconds };
    });
    if (ok) {
      setDirty(false);
      setSaved(true);
    }
  }

  return (
    <li className={`studio-row studio-row--${stream.status}`} data-testid="studio-stream" data-stream-id={stream.id}>
      <div className="studio-row__main">
        <div className="studio-row__headline">
          <StatusBadge status={stream.status} />
          <h3 className="studio-row__title">{stream.title}</h3>
        </div>
        <p className="studio-row__meta">
          <span className="chip">{stream.category}</span>
          <span>{when(stream)}</span>
          {stream.status === 'live' && <span>{compactNumber(stream.viewerCount)} watching</span>}
        </p>
      </div>

      {stream.status !== 'archived' && (
        <form className="studio-row__slow" onSubmit={saveSlowMode} noValidate>
          <label className="field__label" htmlFor={`${id}-slow`}>
            Slow mode <span className="muted">(seconds, 0 = off)</span>
          </label>
          <div className="studio-row__slow-row">
            <input
              id={`${id}-slow`}
              className="input input--narrow"
              data-testid="slow-mode-input"
              type="number"
              inputMode="numeric"
              min={0}
              max={SLOW_MODE_MAX_SECONDS}
              step={1}
              value={slowMode}
              onChange={(e) => {
                setSlowMode(e.target.value);
                setDirty(true);
                setSaved(false);
              }}
            />
            <button className="button" type="submit" data-testid="slow-mode-save" disabled={busy}>
              {saved ? 'Saved' : 'Save'}
            </button>
          </div>
        </form>
      )}

      <div className="studio-row__actions">
        {move && (
          <button
            className={`button ${move === 'start' ? 'button--live' : move === 'end' ? 'button--danger' : ''}`}
            type="button"
            data-testid={`stream-${move}`}
            disabled={busy}
            onClick={() => doMove(move)}
          >
            {MOVE_LABELS[move]}
          </button>
        )}
        <Link
          className="button button--ghost"
          data-testid="stream-commands"
          to={`/studio/streams/${encodeURIComponent(stream.id)}/commands`}
          title="Which gifts run which effects on this stream"
        >
          Command gifts
        </Link>
        <Link
          className="button button--ghost"
          data-testid="stream-customize"
          to={`/studio/streams/${encodeURIComponent(stream.id)}/customize`}
          title="Theme, video filter, background and widgets of the watch page"
        >
          Customize
        </Link>
        <Link
          className="button button--ghost"
          data-testid="stream-analytics"
          to={`/studio/streams/${encodeURIComponent(stream.id)}/analytics`}
          title="Viewers, chat, reactions, gifts and retention, per minute"
        >
          Analytics
        </Link>
        {(stream.status === 'scheduled' || stream.status === 'live') && (
          <Link className="button button--ghost" data-testid="stream-go-live" to={`/studio/streams/${encodeURIComponent(stream.id)}/go-live`}>
            Camera
          </Link>
        )}
        <Link className="button button--ghost" data-testid="stream-watch" to={`/watch/${encodeURIComponent(stream.id)}`}>
          Watch
        </Link>
      </div>

      {error && (
        <p className="field-error studio-row__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
