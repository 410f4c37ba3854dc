import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Stream } from '../../api/types';
import { useInterval } from '../../lib/useInterval';
import { useSession } from '../auth/sessionContext';
import { StreamCard } from './StreamCard';

const REFRESH_MS = 10_000;

/** `/`: the streams that are live now, refreshed every 10 s. */
export function HomePage() {
  const { api } = useSession();
  const [streams, setStreams] = useState<Stream[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      const live = await api.listStreams('live', controller.signal);
      setStreams(live);
      setError(null);
    } catch (caught) {
      if (!controller.signal.aborted) {
        setError(caught instanceof Error ? caught.message : 'Could not load the streams.');
      }
    }
  }, [api]);

  useEffect(() => {
    void load();
    return () => inFlight.current?.abort();
  }, [load]);
  useInterval(() => void load(), REFRESH_MS);

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Live now</h1>
          <p className="page-head__lead">Jump into a stream and chat with everyone watching.</p>
        </div>
        {streams && streams.length > 0 && (
          <span className="page-head__count">
            <span className="dot dot--live" aria-hidden="true" /> {streams.length} live
          </span>
        )}
      </header>

      {error && (
        <div className="notice notice--error" role="alert">
          <span>{error}</span>
          <button className="button button--ghost" type="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}

      {streams === null && !error && (
        <div className="stream-grid" aria-busy="true" aria-label="Loading streams">
          {Array.from({ length: 6 }, (_, i) => (
            <div className="stream-card stream-card--skeleton" key={i}>
              <div className="stream-card__thumb skeleton" />
              <div className="stream-card__body">
                <div className="skeleton skeleton--line" />
              </div>
            </div>
          ))}
        </div>
      )}

      {streams !== null && streams.length === 0 && (
        <div className="empty">
          <div className="empty__icon" aria-hidden="true">
            ◉
          </div>
          <h2>Nobody is live right now</h2>
          <p>Check back soon, or start a stream of your own.</p>
          <Link className="button button--primary" to="/studio">
            Open the Studio
          </Link>
        </div>
      )}

      {streams !== null && streams.length > 0 && (
        <div className="stream-grid">
          {streams.map((stream) => (
            <StreamCard key={stream.id} stream={stream} />
          ))}
        </div>
      )}
    </div>
  );
}
