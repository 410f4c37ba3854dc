import { useQuery } from '@tanstack/react-query';
import type { Gift } from '../../api/contract';
import { queryErrorMessage, queryKeys } from '../../api/queries';
import { useSession } from '../auth/sessionContext';

export interface GiftCatalog {
  /** Cheapest first; null while loading. */
  gifts: Gift[] | null;
  error: string | null;
  reload(): void;
}

// The server sends them cheapest first; a stable sort keeps its order among equal prices.
const cheapestFirst = (list: Gift[]) => [...list].sort((a, b) => a.tokenCost - b.tokenCost);

/** The active gift catalog: `GET /api/gifts`, shared by every view that shows it. */
export function useGiftCatalog(): GiftCatalog {
  const { api } = useSession();
  const query = useQuery({
    queryKey: queryKeys.gifts(),
    queryFn: ({ signal }) => api.listGifts(signal),
    select: cheapestFirst,
    staleTime: 60_000,
  });
  return {
    gifts: query.data ?? null,
    error: query.data === undefined ? queryErrorMessage(query.error, 'Could not load the gifts.') : null,
    reload: () => void query.refetch(),
  };
}
