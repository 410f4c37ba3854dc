import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Challenge, ChallengeStatus, StartChallengeRequest } from '../../../api/contract';
import { useLive } from '../../../app/liveContext';
import { useSession } from '../../auth/sessionContext';
import type { StreamFeed } from '../../streams/streamFeed';
import { challengeReducer, endedNow, initialChallenge } from './challengeState';

/** How long the bar celebrates (or mourns) a challenge that just ended. */
export const CELEBRATION_MS = 4_500;

export interface ChallengeController {
  challenge: Challenge | null;
  /** The challenge that ended live a moment ago, and how; null otherwise (and for ends replayed after a re-join). */
  celebration: { challengeId: string; status: Exclude<ChallengeStatus, 'running'> } | null;
  /** `challenge:start` (the host); resolves with the challenge, rejects with a LiveError. */
  start(request: Omit<StartChallengeRequest, 'streamId'>): Promise<Challenge>;
}

/** The stream's challenge from the join snapshot (or `GET /api/streams/{id}/challenge`) and `challenge:update`. */
export function useChallenge(feed: StreamFeed, streamId: string): ChallengeController {
  const live = useLive();
  const { api } = useSession();
  const [state, dispatch] = useReducer(challengeReducer, initialChallenge);
  const [celebration, setCelebration] = useState<ChallengeController['celebration']>(null);
  const latest = useRef<Challenge | null>(null);

  useEffect(() => {
    latest.current = state.challenge;
  }, [state.challenge]);

  useEffect(() => {
    if (!celebration) {
      return;
    }
    const timer = setTimeout(() => setCelebration(null), CELEBRATION_MS);
    return () => clearTimeout(timer);
  }, [celebration]);

  useEffect(() => {
    let fetching: AbortController | null = null;
    const fetchChallenge = () => {
      fetching?.abort();
      const controller = new AbortController();
      fetching = controller;
      api.getChallenge(streamId, controller.signal).then(
        (challenge) => {
          if (!controller.signal.aborted) {
            dispatch({ type: 'received', challenge });
          }
        },
        () => {
          // 404: the stream never had one. Anything else: the next challenge:update brings it.
        },
      );
    };

    const unsubscribe = feed.subscribe((message) => {
      if (message.kind === 'reset') {
        fetching?.abort();
        latest.current = null;
        dispatch({ type: 'reset' });
        setCelebration(null);
      } else if (message.kind === 'snapshot') {
        latest.current = null;
        dispatch({ type: 'snapshot', challenge: message.result.challenge ?? null });
        if (message.result.challenge === undefined) {
          fetchChallenge(); // a server whose snapshot does not carry the challenge
        }
      } else if (message.event.type === 'challenge:update') {
        const next = challengeReducer({ challenge: latest.current }, { type: 'event', challenge: message.event.challenge }).challenge;
        const ended = endedNow(latest.current, next);
        latest.current = next;
        dispatch({ type: 'event', challenge: message.event.challenge });
        if (ended && next && !message.replayed) {
          setCelebration({ challengeId: next.challengeId, status: ended });
        }
      }
    });
    return () => {
      fetching?.abort();
      unsubscribe();
    };
  }, [api, feed, streamId]);

  const start = useCallback(
    async (request: Omit<StartChallengeRequest, 'streamId'>) => {
      const challenge = await live.startChallenge({ streamId, ...request });
      dispatch({ type: 'received', challenge });
      return challenge;
    },
    [live, streamId],
  );

  return { challenge: state.challenge, celebration, start };
}
