import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Stream } from '../../api/contract';
import { queryErrorMessage } from '../../api/queries';

const REFRESH_MS = 10_000;

/**
 * A list of streams (a TanStack query under `key`), refreshed every 10 s. `setStreams` writes into the cache (a
 * server's answer shown at once); `load` refetches, dropping a refresh in flight so it cannot bring back an older
 * list. `failure` is the message for a failure that is not an `Error`.
 */
export function useStreamList(key: readonly unknown[], fetchStreams: (signal: AbortSignal) => Promise<Stream[]>, failure: string) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => fetchStreams(signal), refetchInterval: REFRESH_MS });
  const setStreams = (change: (current: Stream[] | null) => Stream[]) =>
    client.setQueryData<Stream[]>(key, (current) => change(current ?? null));
  const load = () => client.refetchQueries({ queryKey: key, exact: true });
  return {
    streams: query.data ?? null,
    setStreams,
    error: query.data === undefined || query.isError ? queryErrorMessage(query.error, failure) : null,
    load,
  };
}
