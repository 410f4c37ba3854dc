import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/queries';
import { useSession } from '../auth/sessionContext';
import { RecommendationCard } from './RecommendationCard';
import './discovery.css';

const SIMILAR_LIMIT = 6;

/** Live streams like the one on the watch page; nothing when there are none (or they cannot be read). */
export function SimilarStreams({ streamId }: { streamId: string }) {
  const { api } = useSession();
  const query = useQuery({
    queryKey: queryKeys.similar(streamId),
    queryFn: ({ signal }) => api.getSimilar(streamId, SIMILAR_LIMIT, signal),
    refetchInterval: 60_000,
  });
  if (!query.data || query.data.items.length === 0) {
    return null;
  }

  return (
    <section className="rec-row rec-row--similar" aria-labelledby="similar-title" data-testid="similar-streams">
      <h2 id="similar-title" className="rec-row__title">
        Similar live streams
      </h2>
      <div className="rec-row__list">
        {query.data.items.map((item) => (
          <RecommendationCard key={item.stream.streamId} item={item} />
        ))}
      </div>
    </section>
  );
}
