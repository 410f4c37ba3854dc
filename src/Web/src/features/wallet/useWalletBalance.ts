import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/sessionContext';

export interface WalletBalance {
  /** Spendable tokens; null while unknown (loading, signed out). */
  balance: number | null;
  /** Sets the balance a gift receipt reported. */
  apply(balance: number): void;
  /** Asks the server again. */
  refresh(): void;
}

/** The signed-in user's spendable balance, from `GET /api/me/wallet`; refreshed when the tab comes back. */
export function useWalletBalance(): WalletBalance {
  const { api, session } = useSession();
  const userId = session?.user.id ?? null;
  const [balance, setBalance] = useState<number | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    inFlight.current?.abort();
    if (!userId) {
      setBalance(null);
      return;
    }
    const controller = new AbortController();
    inFlight.current = controller;
    api.getWallet({ limit: 1 }, controller.signal).then(
      (wallet) => {
        if (!controller.signal.aborted) {
          setBalance(wallet.balance);
        }
      },
      () => {
        // Keep what is shown; the next receipt or refresh corrects it.
      },
    );
  }, [api, userId]);

  useEffect(() => {
    setBalance(null);
    refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') {
        refresh();
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      inFlight.current?.abort();
    };
  }, [refresh]);

  const apply = useCallback((next: number) => {
    inFlight.current?.abort(); // a receipt is newer than a refresh that was in flight
    setBalance(next);
  }, []);

  return { balance, apply, refresh };
}
