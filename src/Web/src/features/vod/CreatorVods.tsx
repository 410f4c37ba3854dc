import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { queryKeys } from '../../api/queries';
import { timeAgo } from '../../lib/format';
import { useSession } from '../auth/sessionContext';

/** A creator's ended and archived streams on their profile, each a link to its replay; nothing for a viewer who never streamed. */
export function CreatorVods({ userId }: { userId: string }) {
  const { api } = useSession();
  const ended = useQuery({ queryKey: queryKeys.streams('ended'), queryFn: ({ signal }) => api.listStreams('ended', signal) });
  const archived = useQuery({ queryKey: queryKeys.streams('archived'), queryFn: ({ signal }) => api.listStreams('archived', signal) });
  const streams = [...(archived.data ?? []), ...(ended.data ?? [])]
    .filter((s) => s.creatorId === userId)
    .sort((a, b) => (b.endedAt ?? b.createdAt).localeCompare(a.endedAt ?? a.createdAt));
  if (streams.length === 0) {
    return null;
  }
  return (
    <section className="profile__section" aria-label="Replays">
      <h2>Replays</h2>
      <ul className="profile__vods">
        {streams.map((s) => (
          <li key={s.id}>
            <Link to={`/vod/${encodeURIComponent(s.id)}`} data-testid="profile-vod" data-stream-id={s.id}>
              {s.title}
            </Link>{' '}
            <span className="muted">{s.endedAt ? `ended ${timeAgo(s.endedAt)}` : s.category}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
