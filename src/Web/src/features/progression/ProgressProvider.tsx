import { useCallback, useEffect, useMemo, useReducer, type ReactNode } from 'react';
import type { ProgressChange } from '../../api/contract';
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

  useEffect(() => {
    // Signing in as someone else (or out) starts over.
    dispatch({ type: 'user', userId });
    if (!userId) {
      return;
    }
    const abort = new AbortController();
    api.getMyProgress(abort.signal).then(
      (progress) => dispatch({ type: 'loaded', progress }),
      () => {
        // The header just shows no bar; the next heartbeat or level:up brings one.
      },
    );
    return () => abort.abort();
  }, [api, userId]);

  useEffect(() => live.onUserEvent((event) => dispatch({ type: 'event', event })), [live]);

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
