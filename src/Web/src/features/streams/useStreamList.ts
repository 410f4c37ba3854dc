import { useCallback, useEffect, useRef, useState } from 'react';
import type { Stream } from '../../api/contract';
import { useInterval } from '../../lib/useInterval';

const REFRESH_MS = 10_000;

/**
 * A list of streams, loaded now and refreshed every 10 s; a new load aborts the one in flight. `fetchStreams` should
 * be stable (a `useCallback`): a new one reloads. `failure` is the message for a failure that is not an `Error`.
 */
export function useStreamList(fetchStreams: (signal: AbortSignal) => Promise<Stream[]>, failure: string) {
  const [streams, setStreams] = useState<Stream[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      const list = await fetchStreams(controller.signal);
      setStreams(list);
      setError(null);
    } catch (caught) {
      if (!controller.signal.aborted) {
        setError(caught instanceof Error ? caught.message : failure);
      }
    }
  }, [fetchStreams, failure]);

  useEffect(() => {
    void load();
    return () => inFlight.current?.abort();
  }, [load]);
  useInterval(() => void load(), REFRESH_MS);

  return { streams, setStreams, error, load };
}
