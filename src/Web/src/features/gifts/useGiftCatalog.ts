import { useCallback, useEffect, useState } from 'react';
import type { Gift } from '../../api/contract';
import { useSession } from '../auth/sessionContext';

export interface GiftCatalog {
  /** Cheapest first; null while loading. */
  gifts: Gift[] | null;
  error: string | null;
  reload(): void;
}

/** The active gift catalog: `GET /api/gifts`. */
export function useGiftCatalog(): GiftCatalog {
  const { api } = useSession();
  const [gifts, setGifts] = useState<Gift[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api.listGifts(controller.signal).then(
      (list) => {
        // The server sends them cheapest first; a stable sort keeps its order among equal prices.
        setGifts([...list].sort((a, b) => a.tokenCost - b.tokenCost));
        setError(null);
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) {
          setError(caught instanceof Error ? caught.message : 'Could not load the gifts.');
        }
      },
    );
    return () => controller.abort();
  }, [api, attempt]);

  const reload = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);
  return { gifts, error, reload };
}
