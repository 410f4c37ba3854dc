import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useReducer, type ReactNode } from 'react';
import type { ProgressChange } from '../../api/contract';
import { queryKeys } from '../../api/queries';
import { useLive } from '../../app/liveContext';
import { useSession } from '../auth/sessionContext';
import { ProgressContext, type ProgressContextValue } from './progressContext';
import { initialProgress, progressReducer } from './progressState';
import { ProgressToasts } from './ProgressToasts';

/**
 * The signed-in user's progression for the whole app: `GET /api/me/progress` on sign-in, then heartbeat answers
 * and the user events `level:up` and `badge:earned` (which reach every connection of the user, whatever page is
 * open). Renders their toasts.
 */
export function ProgressProvider({ children }: { children: ReactNode }) {
  const { session, api } = useSession();
  const live = useLive();
  const userId = session?.user.id ?? null;
  const [state, dispatch] = useReducer(progressReducer, userId, initialProgress);

  // Signing in as someone else (or out) starts over.
  useEffect(() => dispatch({ type: 'user', userId }), [userId]);

  // A failed read leaves the header without a bar; the next heartbeat or level:up brings one.
  const { data: fetched } = useQuery({
    queryKey: queryKeys.myProgress(userId),
    queryFn: ({ signal }) => api.getMyProgress(signal),
    enabled: userId !== null,
    retry: false,
  });
  useEffect(() => {
    if (fetched) {
      dispatch({ type: 'loaded', progress: fetched });
    }
  }, [fetched]);

  useEffect(
    () =>
      live.onUserEvent((event) => {
        // Moderation notices are the chat's to show; progression takes its own two.
        if (event.type === 'level:up' || event.type === 'badge:earned') {
          dispatch({ type: 'event', event });
        }
      }),
    [live],
  );

  const applyChange = useCallback((change: ProgressChange) => dispatch({ type: 'change', change, toast: true }), []);
  const dismiss = useCallback((key: string) => dispatch({ type: 'dismiss', key }), []);

  // Until the effect above has run for a new user, show nothing of the previous one.
  const mine = state.userId === userId ? state : EMPTY;
  const value = useMemo<ProgressContextValue>(
    () => ({ progress: mine.progress, toasts: mine.toasts, applyChange, dismiss }),
    [mine.progress, mine.toasts, applyChange, dismiss],
  );
  return (
    <ProgressContext.Provider value={value}>
      {children}
      <ProgressToasts toasts={value.toasts} onDismiss={dismiss} />
    </ProgressContext.Provider>
  );
}

const EMPTY = initialProgress(null);
