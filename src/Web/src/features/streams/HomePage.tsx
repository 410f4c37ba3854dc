import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { queryKeys } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { useSession } from '../auth/sessionContext';
import { FollowingRow } from '../discovery/FollowingRow';
import { ForYouRow } from '../discovery/ForYouRow';
import { StreamCard } from './StreamCard';
import { useStreamList } from './useStreamList';

/** `/`: the creators I follow, "For you", and the streams that are live now (refreshed every 10 s). */
export function HomePage() {
  const { api } = useSession();
  const fetchLive = useCallback((signal: AbortSignal) => api.listStreams('live', signal), [api]);
  const { streams, error, load } = useStreamList(queryKeys.streams('live'), fetchLive, 'Could not load the streams.');

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

      <FollowingRow />
      <ForYouRow />

      {error && <LoadError message={error} onRetry={() => void load()} />}

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
