import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useLive } from '../../app/liveContext';
import { queryKeys } from '../../api/queries';
import { useSession } from '../auth/sessionContext';

export interface WalletBalance {
  /** Spendable tokens; null while unknown (loading, signed out). */
  balance: number | null;
  /** Sets the balance a gift receipt reported. */
  apply(balance: number): void;
  /** Asks the server again. */
  refresh(): void;
}

/** The signed-in user's spendable balance, from `GET /api/me/wallet`; asked again when the tab comes back. */
export function useWalletBalance(): WalletBalance {
  const { api, session } = useSession();
  const userId = session?.user.id ?? null;
  const client = useQueryClient();
  const key = queryKeys.balance(userId);
  const query = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => (await api.getWallet({ limit: 1 }, signal)).balance,
    enabled: userId !== null,
    staleTime: 0,
    refetchOnWindowFocus: 'always',
    // A failed refresh keeps what is shown; the next receipt or refresh corrects it.
    retry: false,
  });

  const apply = useCallback(
    (next: number) => {
      // A receipt is newer than a refresh that was in flight.
      void client.cancelQueries({ queryKey: queryKeys.balance(userId), exact: true });
      client.setQueryData(queryKeys.balance(userId), next);
    },
    [client, userId],
  );
  // A purchase credited, a refund or a dispute moves the balance outside a gift of mine: the hub says so.
  const live = useLive();
  useEffect(
    () =>
      live.onUserEvent((event) => {
        if (event.type === 'wallet:changed') {
          apply(event.balance);
        }
      }),
    [live, apply],
  );

  const { refetch } = query;
  const refresh = useCallback(() => void refetch(), [refetch]);

  return { balance: userId !== null ? (query.data ?? null) : null, apply, refresh };
}
