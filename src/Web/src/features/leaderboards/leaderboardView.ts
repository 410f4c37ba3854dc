// The leaderboards page's choices, read from and written to the URL. Pure.
import { LEADERBOARD_CATEGORIES, type LeaderboardCategory, type MyRank } from '../../api/contract';

export const CATEGORY_LABELS: Record<LeaderboardCategory, { name: string; unit: 'tokens' | 'points'; help: string }> = {
  gifters: { name: 'Gifters', unit: 'tokens', help: 'Tokens gifted' },
  engaged: { name: 'Engaged', unit: 'points', help: 'XP earned' },
  'creator-tokens': { name: 'Creator tokens', unit: 'tokens', help: 'Tokens received by creators' },
  'creator-engagement': { name: 'Creator engagement', unit: 'points', help: 'Chat messages and reactions received' },
};

export type ScopeChoice = 'all' | 'season';

export const TOP_SIZE = 20;
export const NEIGHBOURS = 2;

export function readCategory(value: string | null): LeaderboardCategory {
  return (LEADERBOARD_CATEGORIES as readonly string[]).includes(value ?? '') ? (value as LeaderboardCategory) : 'gifters';
}

export function readScope(value: string | null): ScopeChoice {
  return value === 'season' ? 'season' : 'all';
}

/** My rank's rows in order (above, me, below) with their rank numbers. */
export function rankRows(rank: MyRank): { rank: number; entry: MyRank['entry']; me: boolean }[] {
  const above = rank.above ?? [];
  const below = rank.below ?? [];
  return [
    ...above.map((entry, i) => ({ rank: rank.rank - above.length + i, entry, me: false })),
    { rank: rank.rank, entry: rank.entry, me: true },
    ...below.map((entry, i) => ({ rank: rank.rank + 1 + i, entry, me: false })),
  ];
}
