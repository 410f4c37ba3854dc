import { useQuery } from '@tanstack/react-query';
import { queryErrorMessage, queryKeys } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { useSession } from '../auth/sessionContext';
import { RecommendationCard } from './RecommendationCard';
import './discovery.css';

/** How many streams the row shows. */
export const FOR_YOU_LIMIT = 12;

/** Live streams come and go: the row is asked again this often while it is on screen. */
const REFRESH_MS = 30_000;

/** The home page's "For you" row: live streams ranked for me (trending for anonymous and new viewers), with reasons. */
export function ForYouRow() {
  const { session, api } = useSession();
  const userId = session?.user.id ?? null;
  const query = useQuery({
    queryKey: queryKeys.recommendations(userId, FOR_YOU_LIMIT),
    queryFn: ({ signal }) => api.getRecommendations(FOR_YOU_LIMIT, signal),
    refetchInterval: REFRESH_MS,
  });
  const error = queryErrorMessage(query.error, 'Could not load your recommendations.');
  const list = query.data;
  if (list && list.items.length === 0) {
    return null;
  }

  return (
    <section className="rec-row" aria-labelledby="for-you-title" data-testid="for-you">
      <div className="rec-row__head">
        <h2 id="for-you-title" className="rec-row__title">
          For you
        </h2>
        {list && <p className="rec-row__lead muted">{list.coldStart ? 'Trending now' : 'Picked from what you watch'}</p>}
      </div>
      {error && <LoadError message={error} onRetry={() => void query.refetch()} />}
      {!list && !error && <div className="rec-row__list skeleton" role="status" aria-label="Loading recommendations" />}
      {list && (
        <div className="rec-row__list">
          {list.items.map((item) => (
            <RecommendationCard key={item.stream.streamId} item={item} />
          ))}
        </div>
      )}
    </section>
  );
}
