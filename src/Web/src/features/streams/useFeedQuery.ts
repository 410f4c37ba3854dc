import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryErrorMessage } from '../../api/queries';

export interface FeedQuery<S, A> {
  /** The state in the cache (`initial` before anything came). */
  state: S;
  /** Folds an action (a live event, a hub answer) into the cached state. */
  dispatch(action: A): void;
  /** Reads the REST side again and folds it in (a view rebuilt from a snapshot). */
  refetch(): void;
  /** Drops the state: another stream, or none. */
  reset(): void;
  loadError: string | null;
}

/**
 * A watched stream's feature state kept in the TanStack Query cache under `key`: a REST read (`read`, folded in as
 * the action it returns) and the hub's live events (`dispatch`) write into the same entry through one pure
 * `reducer`, so that they merge in any order. The read runs when asked (`refetch`, on each snapshot), not on mount:
 * a snapshot tells when the server's view starts. `onFailure` is the action that still lets the view show what the
 * events bring when the read fails.
 */
export function useFeedQuery<S, A>(
  key: QueryKey,
  initial: S,
  reducer: (state: S, action: A) => S,
  read: (signal: AbortSignal) => Promise<A>,
  onFailure?: A,
): FeedQuery<S, A> {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => {
      try {
        const action = await read(signal);
        // Folded into the state as it is now, with the events that came while the read was on its way.
        return reducer(client.getQueryData<S>(key) ?? initial, action);
      } catch (error) {
        if (onFailure !== undefined && !signal.aborted) {
          client.setQueryData<S>(key, (current) => reducer(current ?? initial, onFailure));
        }
        throw error;
      }
    },
    enabled: false,
    staleTime: Infinity,
    gcTime: 60_000,
  });
  const keyText = JSON.stringify(key);
  const dispatch = useCallback(
    (action: A) => client.setQueryData<S>(JSON.parse(keyText) as QueryKey, (current) => reducer(current ?? initial, action)),
    [client, keyText, reducer, initial],
  );
  const refetch = useCallback(
    () => void client.refetchQueries({ queryKey: JSON.parse(keyText) as QueryKey, exact: true }, { cancelRefetch: true }),
    [client, keyText],
  );
  const reset = useCallback(() => {
    const queryKey = JSON.parse(keyText) as QueryKey;
    void client.cancelQueries({ queryKey, exact: true });
    client.setQueryData<S>(queryKey, initial);
  }, [client, keyText, initial]);
  return { state: query.data ?? initial, dispatch, refetch, reset, loadError: queryErrorMessage(query.error, 'Could not load.') };
}
