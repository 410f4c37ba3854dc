import { Link } from 'react-router-dom';
import { Avatar } from '../../components/Avatar';
import { useSession } from '../auth/sessionContext';
import { useFollowing } from './useFollowing';
import './discovery.css';

/** The home page's "Following": the creators I follow, live ones first with a badge and a link to their stream. */
export function FollowingRow() {
  const { session } = useSession();
  const following = useFollowing();
  if (!session || !following.data || following.data.length === 0) {
    return null;
  }

  const creators = [...following.data].sort((a, b) => Number(b.live) - Number(a.live));
  return (
    <section className="following-row" aria-labelledby="following-title" data-testid="following">
      <h2 id="following-title" className="rec-row__title">
        Following
      </h2>
      <ul className="following-row__list">
        {creators.map((creator) => {
          const stream = creator.liveStreams[0];
          return (
            <li key={creator.creatorId} className="following-row__item" data-testid="following-item" data-live={creator.live}>
              <Link
                className="following-row__link"
                to={stream ? `/watch/${encodeURIComponent(stream.streamId)}` : `/u/${encodeURIComponent(creator.creatorId)}`}
                title={stream ? stream.title : `${creator.creatorHandle}'s profile`}
              >
                <Avatar handle={creator.creatorHandle} size={40} />
                <span className="following-row__handle">{creator.creatorHandle}</span>
                {creator.live ? <span className="badge badge--live">Live</span> : <span className="muted">offline</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
