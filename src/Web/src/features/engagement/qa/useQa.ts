import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { MarkQuestionRequest } from '../../../api/contract';
import { useLive } from '../../../app/liveContext';
import { useSession } from '../../auth/sessionContext';
import type { StreamFeed } from '../../streams/streamFeed';
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
  const [state, dispatch] = useReducer(qaReducer, initialQa);
  const [loadError, setLoadError] = useState<string | null>(null);
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

  useEffect(() => {
    let fetching: AbortController | null = null;
    const fetchList = () => {
      fetching?.abort();
      const controller = new AbortController();
      fetching = controller;
      api.getQuestions(streamId, controller.signal).then(
        (questions) => {
          if (!controller.signal.aborted) {
            setLoadError(null);
            dispatch({ type: 'listed', questions });
          }
        },
        (caught: unknown) => {
          if (!controller.signal.aborted) {
            setLoadError(caught instanceof Error ? caught.message : String(caught));
            dispatch({ type: 'listed', questions: [] }); // show what the events bring meanwhile
          }
        },
      );
    };

    const unsubscribe = feed.subscribe((message) => {
      if (message.kind === 'reset') {
        fetching?.abort();
        dispatch({ type: 'reset' });
        setLoadError(null);
        setError(null);
      } else if (message.kind === 'snapshot') {
        // The snapshot does not carry the questions: a rebuilt view fetches them (events merge in meanwhile).
        fetchList();
      } else if (message.event.type === 'qa:update') {
        dispatch({ type: 'event', question: message.event.question });
      }
    });
    return () => {
      fetching?.abort();
      unsubscribe();
    };
  }, [api, feed, streamId]);

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
    [live, streamId],
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
    [live, remember, streamId, track],
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
    [live, streamId, track],
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
