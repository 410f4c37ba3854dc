import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Poll } from '../../../api/contract';
import { useLive } from '../../../app/liveContext';
import { useSession } from '../../auth/sessionContext';
import type { StreamFeed } from '../../streams/streamFeed';
import { pollFailure } from './pollErrors';
import { initialPoll, pollReducer } from './pollState';
import { nextClockOffset } from './pollView';
import { loadVoted, rememberVote, saveVoted, votedOption, type VotedPoll } from './votedPolls';

export interface PollController {
  /** The open poll, or the last closed one. */
  poll: Poll | null;
  /** The server's clock − ours, learned from live events (0 until one arrives). */
  offsetMs: number;
  /** undefined: not voted as far as this browser knows; null: voted, option unknown; else the option. */
  myVote: number | null | undefined;
  /** A vote or a close is on its way. */
  busy: boolean;
  /** What the last vote or close ran into, for the widget. */
  error: string | null;
  vote(option: number): void;
  close(): void;
  /** Folds in a poll the page got by itself (the answer to `poll:create`). */
  received(poll: Poll): void;
}

/**
 * The stream's poll from the join snapshot and the poll events (a REST fetch when the snapshot does not carry it),
 * the polls this user voted in (localStorage, per user), and the vote and close calls.
 */
export function usePoll(feed: StreamFeed, streamId: string): PollController {
  const live = useLive();
  const { api, session } = useSession();
  const userId = session?.user.id ?? null;
  const [state, dispatch] = useReducer(pollReducer, initialPoll);
  const [offsetMs, setOffsetMs] = useState(0);
  const offset = useRef<number | null>(null);
  const [voted, setVoted] = useState<{ userId: string | null; list: VotedPoll[] }>(() => ({
    userId,
    list: userId ? loadVoted(userId) : [],
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ pollId: string; message: string } | null>(null);

  // Another user signed in: their own votes.
  if (voted.userId !== userId) {
    setVoted({ userId, list: userId ? loadVoted(userId) : [] });
  }

  useEffect(() => {
    let fetching: AbortController | null = null;
    const fetchPoll = () => {
      fetching?.abort();
      const controller = new AbortController();
      fetching = controller;
      api.getPoll(streamId, controller.signal).then(
        (poll) => {
          if (!controller.signal.aborted) {
            dispatch({ type: 'received', poll });
          }
        },
        () => {
          // 404: the stream never had a poll. Anything else: the events bring the next one.
        },
      );
    };

    const unsubscribe = feed.subscribe((message) => {
      if (message.kind === 'reset') {
        fetching?.abort();
        dispatch({ type: 'reset' });
      } else if (message.kind === 'snapshot') {
        dispatch({ type: 'snapshot', poll: message.result.poll ?? null });
        if (message.result.poll === undefined) {
          fetchPoll(); // a server whose snapshot does not carry the poll yet
        }
      } else {
        const { event, replayed } = message;
        if (!replayed) {
          offset.current = nextClockOffset(offset.current, event.at, Date.now());
          // In quarter seconds: finer would re-render the page for every event and not change the countdown.
          setOffsetMs(Math.round((offset.current ?? 0) / 250) * 250);
        }
        if (event.type === 'poll:create' || event.type === 'poll:update' || event.type === 'poll:closed') {
          dispatch({ type: 'event', event });
        }
      }
    });
    return () => {
      fetching?.abort();
      unsubscribe();
    };
  }, [api, feed, streamId]);

  const poll = state.poll;
  const pollId = poll?.pollId ?? null;

  const remember = useCallback(
    (id: string, option: number | null) => {
      if (!userId) {
        return;
      }
      setVoted((current) => {
        const list = rememberVote(current.list, id, option);
        saveVoted(userId, list);
        return { userId, list };
      });
    },
    [userId],
  );

  const vote = useCallback(
    (option: number) => {
      if (!pollId) {
        return;
      }
      setBusy(true);
      setError(null);
      live.vote({ streamId, pollId, option }).then(
        (answer) => {
          remember(pollId, option);
          dispatch({ type: 'received', poll: answer });
        },
        (caught: unknown) => {
          const failure = pollFailure(caught, 'vote');
          if (failure.alreadyVoted) {
            remember(pollId, null);
          }
          setError({ pollId, message: failure.message });
        },
      ).finally(() => setBusy(false));
    },
    [live, pollId, remember, streamId],
  );

  const close = useCallback(() => {
    if (!pollId) {
      return;
    }
    setBusy(true);
    setError(null);
    live.closePoll({ streamId, pollId }).then(
      (answer) => dispatch({ type: 'received', poll: answer }),
      (caught: unknown) => setError({ pollId, message: pollFailure(caught, 'close').message }),
    ).finally(() => setBusy(false));
  }, [live, pollId, streamId]);

  const received = useCallback((answer: Poll) => dispatch({ type: 'received', poll: answer }), []);

  return {
    poll,
    offsetMs,
    myVote: pollId && voted.userId === userId ? votedOption(voted.list, pollId) : undefined,
    busy,
    // An error belongs to its poll: a new poll starts clean.
    error: error && error.pollId === pollId ? error.message : null,
    vote,
    close,
    received,
  };
}
