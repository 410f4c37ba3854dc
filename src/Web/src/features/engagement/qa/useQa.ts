import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MarkQuestionRequest } from '../../../api/contract';
import { queryKeys } from '../../../api/queries';
import { useLive } from '../../../app/liveContext';
import { useSession } from '../../auth/sessionContext';
import type { StreamFeed } from '../../streams/streamFeed';
import { useFeedQuery } from '../../streams/useFeedQuery';
import { qaFailure } from './qaErrors';
import { initialQa, qaReducer } from './qaState';
import { checkQuestion, qaSections, type QaSections } from './qaView';
import { loadUpvoted, rememberUpvote, saveUpvoted } from './upvotedQuestions';

export interface QaController {
  sections: QaSections;
  /** The list was fetched for this view. */
  loaded: boolean;
  loadError: string | null;
  /** Questions this user upvoted (as far as this browser knows). */
  upvoted: ReadonlySet<string>;
  /** Questions with an upvote or a mark on its way. */
  pending: ReadonlySet<string>;
  asking: boolean;
  /** What the last ask, upvote or mark ran into. */
  error: string | null;
  /** Sends a question; resolves true once the server took it. */
  ask(text: string): Promise<boolean>;
  upvote(questionId: string): void;
  mark(questionId: string, status: MarkQuestionRequest['status']): void;
  clearError(): void;
}

/**
 * The stream's Q&A: the list (`GET /api/streams/{id}/questions`) whenever the view is rebuilt from a snapshot, then
 * `qa:update` events; the questions this user upvoted (localStorage, per user); and the ask, upvote and mark calls.
 */
export function useQa(feed: StreamFeed, streamId: string): QaController {
  const live = useLive();
  const { api, session } = useSession();
  const userId = session?.user.id ?? null;
  const qa = useFeedQuery(
    queryKeys.questions(streamId),
    initialQa,
    qaReducer,
    async (signal) => ({ type: 'listed', questions: await api.getQuestions(streamId, signal) }) as const,
    { type: 'listed', questions: [] }, // show what the events bring meanwhile
  );
  const { state, dispatch, refetch, reset } = qa;
  const loadError = state.loaded ? qa.loadError : null;
  const [upvoted, setUpvoted] = useState<{ userId: string | null; list: string[] }>(() => ({
    userId,
    list: userId ? loadUpvoted(userId) : [],
  }));
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Another user signed in: their own upvotes.
  if (upvoted.userId !== userId) {
    setUpvoted({ userId, list: userId ? loadUpvoted(userId) : [] });
  }

  useEffect(
    () =>
      feed.subscribe((message) => {
        if (message.kind === 'reset') {
          reset();
          setError(null);
        } else if (message.kind === 'snapshot') {
          // The snapshot does not carry the questions: a rebuilt view reads them (events merge in meanwhile).
          refetch();
        } else if (message.event.type === 'qa:update') {
          dispatch({ type: 'event', question: message.event.question });
        }
      }),
    [feed, dispatch, refetch, reset],
  );

  const remember = useCallback(
    (questionId: string) => {
      if (!userId) {
        return;
      }
      setUpvoted((current) => {
        const list = rememberUpvote(current.list, questionId);
        saveUpvoted(userId, list);
        return { userId, list };
      });
    },
    [userId],
  );

  const track = useCallback((questionId: string, busy: boolean) => {
    setPending((current) => {
      const next = new Set(current);
      if (busy) {
        next.add(questionId);
      } else {
        next.delete(questionId);
      }
      return next;
    });
  }, []);

  const ask = useCallback(
    async (text: string) => {
      const check = checkQuestion(text);
      if (!check.ok) {
        setError(check.error);
        return false;
      }
      setAsking(true);
      setError(null);
      try {
        const question = await live.ask({ streamId, text: check.text });
        dispatch({ type: 'received', question });
        return true;
      } catch (caught) {
        setError(qaFailure(caught, 'ask').message);
        return false;
      } finally {
        setAsking(false);
      }
    },
    [live, streamId, dispatch],
  );

  const upvote = useCallback(
    (questionId: string) => {
      track(questionId, true);
      setError(null);
      live.upvote({ streamId, questionId }).then(
        (question) => {
          remember(questionId);
          dispatch({ type: 'received', question });
        },
        (caught: unknown) => {
          const failure = qaFailure(caught, 'upvote');
          if (failure.alreadyUpvoted) {
            remember(questionId);
          }
          setError(failure.message);
        },
      ).finally(() => track(questionId, false));
    },
    [live, remember, streamId, track, dispatch],
  );

  const mark = useCallback(
    (questionId: string, status: MarkQuestionRequest['status']) => {
      track(questionId, true);
      setError(null);
      live.markQuestion({ streamId, questionId, status }).then(
        (question) => dispatch({ type: 'received', question }),
        (caught: unknown) => setError(qaFailure(caught, 'mark').message),
      ).finally(() => track(questionId, false));
    },
    [live, streamId, track, dispatch],
  );

  const clearError = useCallback(() => setError(null), []);
  const sections = useMemo(() => qaSections(Object.values(state.questions)), [state.questions]);
  const upvotedSet = useMemo(() => new Set(upvoted.userId === userId ? upvoted.list : []), [upvoted, userId]);

  return {
    sections,
    loaded: state.loaded,
    loadError,
    upvoted: upvotedSet,
    pending,
    asking,
    error,
    ask,
    upvote,
    mark,
    clearError,
  };
}
