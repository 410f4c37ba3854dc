import { useEffect, useState } from 'react';
import type { LeaderboardEntry } from '../../api/contract';
import type { StreamFeed } from '../streams/streamFeed';
import { applyUpdate, boardFromSnapshot } from './leaderboardState';

/** The watched stream's top gifters: the join snapshot's `gifts.topGifters`, then every `leaderboard:update`. */
export function useStreamLeaderboard(feed: StreamFeed): readonly LeaderboardEntry[] {
  const [board, setBoard] = useState<readonly LeaderboardEntry[]>([]);
  useEffect(
    () =>
      feed.subscribe((message) => {
        if (message.kind === 'reset') {
          setBoard([]);
        } else if (message.kind === 'snapshot') {
          setBoard(boardFromSnapshot(message.result.gifts));
        } else if (message.kind === 'event' && message.event.type === 'leaderboard:update') {
          const event = message.event;
          setBoard((current) => applyUpdate(current, event));
        }
      }),
    [feed],
  );
  return board;
}
