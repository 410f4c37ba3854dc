import { useCallback, useEffect, useState } from 'react';
import type { Moment } from '../../../api/contract';
import { queryKeys } from '../../../api/queries';
import { useLive } from '../../../app/liveContext';
import { useSession } from '../../auth/sessionContext';
import type { StreamFeed } from '../../streams/streamFeed';
import { useFeedQuery } from '../../streams/useFeedQuery';
import { markFailure } from './momentErrors';
import { initialMoments, momentsReducer, readMoment } from './momentState';

/** Toasts on screen at once; a newer one pushes the oldest out. */
export const MAX_TOASTS = 3;

export interface MomentsController {
  /** Newest first. */
  moments: Moment[];
  loaded: boolean;
  /** Moments detected live (not replayed) that still show as toasts, oldest first. */
  toasts: Moment[];
  dismissToast(momentId: string): void;
  /** `moment:mark` with an optional note; resolves true once marked. */
  mark(note: string): Promise<boolean>;
  marking: boolean;
  markError: string | null;
  clearMarkError(): void;
}

/**
 * The stream's highlight moments: `GET /api/streams/{id}/moments` for each rebuilt view, then `moment:detected`
 * (a toast for each one that happens while watching), and this user's "Mark moment".
 */
export function useMoments(feed: StreamFeed, streamId: string): MomentsController {
  const live = useLive();
  const { api } = useSession();
  const { state, dispatch, refetch, reset } = useFeedQuery(
    queryKeys.moments(streamId),
    initialMoments,
    momentsReducer,
    async (signal) => ({ type: 'listed', moments: await api.getMoments(streamId, signal) }) as const,
    { type: 'listed', moments: [] }, // the events still bring new ones
  );
  const [toasts, setToasts] = useState<Moment[]>([]);
  const [marking, setMarking] = useState(false);
  const [markError, setMarkError] = useState<string | null>(null);

  useEffect(
    () =>
      feed.subscribe((message) => {
        if (message.kind === 'reset') {
          reset();
          setToasts([]);
          setMarkError(null);
        } else if (message.kind === 'snapshot') {
          refetch();
        } else if (message.event.type === 'moment:detected') {
          dispatch({ type: 'moment', moment: message.event.moment });
          const moment = readMoment(message.event.moment);
          if (moment && !message.replayed) {
            setToasts((current) =>
              current.some((t) => t.momentId === moment.momentId) ? current : [...current, moment].slice(-MAX_TOASTS),
            );
          }
        }
      }),
    [feed, dispatch, refetch, reset],
  );

  const dismissToast = useCallback((momentId: string) => {
    setToasts((current) => current.filter((t) => t.momentId !== momentId));
  }, []);

  const mark = useCallback(
    async (note: string) => {
      setMarking(true);
      setMarkError(null);
      try {
        const trimmed = note.trim();
        const moment = await live.markMoment({ streamId, note: trimmed ? trimmed : null });
        dispatch({ type: 'moment', moment });
        return true;
      } catch (caught) {
        setMarkError(markFailure(caught));
        return false;
      } finally {
        setMarking(false);
      }
    },
    [live, streamId, dispatch],
  );

  const clearMarkError = useCallback(() => setMarkError(null), []);

  return {
    moments: state.moments,
    loaded: state.loaded,
    toasts,
    dismissToast,
    mark,
    marking,
    markError,
    clearMarkError,
  };
}
