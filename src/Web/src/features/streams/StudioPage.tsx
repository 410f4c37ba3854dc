import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import type { Stream } from '../../api/contract';
import { queryKeys } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { SignInForm } from '../auth/SignInForm';
import { useSession } from '../auth/sessionContext';
import { canCreate } from '../auth/sessionStorage';
import { CreateStreamForm } from './CreateStreamForm';
import { StudioStreamRow } from './StudioStreamRow';
import { useStreamList } from './useStreamList';

/** `/studio`: a creator's streams: create, go live, end, archive, slow mode. */
export function StudioPage() {
  const { session } = useSession();

  return (
    <div className="page page--narrow">
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Studio</h1>
          <p className="page-head__lead">Create streams, take them live, and keep chat in hand.</p>
        </div>
        {session && canCreate(session) && (
          <Link className="button button--ghost" to="/studio/moderation" data-testid="studio-moderation-link">
            Moderation
          </Link>
        )}
        {session && canCreate(session) && (
          <Link className="button button--ghost" to="/studio/segments" data-testid="studio-segments-link">
            Segments
          </Link>
        )}
      </header>
      {session && canCreate(session) ? (
        <Studio creatorId={session.user.id} />
      ) : (
        <StudioGate signedIn={session !== null} />
      )}
    </div>
  );
}

function StudioGate({ signedIn }: { signedIn: boolean }) {
  return (
    <section className="card gate">
      <h2>The Studio is for creators</h2>
      {signedIn ? (
        <p>
          You are signed in as a viewer. A handle keeps its role, so sign in with another handle as a creator to run
          streams.
        </p>
      ) : (
        <p>Sign in with a handle and the creator role to create streams, go live and moderate chat.</p>
      )}
      <SignInForm defaultRole="creator" layout="stacked" />
    </section>
  );
}

function Studio({ creatorId }: { creatorId: string }) {
  const { api } = useSession();
  const fetchMine = useCallback(
    async (signal: AbortSignal) => (await api.listStreams(undefined, signal)).filter((s) => s.creatorId === creatorId),
    [api, creatorId],
  );
  const { streams, setStreams, error, load } = useStreamList(
    [...queryKeys.streams('all'), 'by', creatorId],
    fetchMine,
    'Could not load your streams.',
  );

  const upsert = (stream: Stream) => {
    // Show the server's answer at once; the next load confirms the list.
    setStreams((current) => {
      const list = current ?? [];
      return list.some((s) => s.id === stream.id)
        ? list.map((s) => (s.id === stream.id ? stream : s))
        : [stream, ...list];
    });
  };

  const changed = (stream: Stream) => {
    upsert(stream);
    void load(); // also drops a refresh that was in flight, so it cannot bring back the old state
  };

  return (
    <>
      <section className="card">
        <h2 className="card__title">New stream</h2>
        <CreateStreamForm onCreated={changed} />
      </section>

      <section className="studio-list">
        <h2 className="section-title">My streams</h2>
        {error && <LoadError message={error} onRetry={() => void load()} />}
        {streams === null && !error && <div className="skeleton skeleton--row" aria-label="Loading your streams" />}
        {streams !== null && streams.length === 0 && (
          <div className="empty empty--small">
            <h3>No streams yet</h3>
            <p>Create one above, then go live when you are ready.</p>
          </div>
        )}
        {streams !== null && streams.length > 0 && (
          <ul className="studio-rows">
            {streams.map((stream) => (
              <StudioStreamRow key={stream.id} stream={stream} onChanged={changed} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
