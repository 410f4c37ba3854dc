// Server data through TanStack Query: one QueryClient for the app, the query keys (one place, so that a hub event
// and a refetch write to the same entry) and the retry rule. Hub events write into these entries with
// setQueryData; a mutation's answer does too, instead of waiting for a refetch.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './errors';
import type { LeaderboardCategory, LeaderboardScope, StreamStatus } from './contract';

/** Transient failures are retried twice (offline, 5xx, `unavailable`); a 4xx answer is the answer. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) {
    return false;
  }
  return error instanceof ApiError ? error.status === 0 || error.status >= 500 || error.code === 'unavailable' : true;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4_000),
        // Live data comes from hub events; a refetch is for a rebuilt view or a returning tab.
        staleTime: 5_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/** The query keys. What depends on who is signed in carries their user id. */
export const queryKeys = {
  streams: (status: StreamStatus | 'all') => ['streams', 'list', status] as const,
  stream: (streamId: string) => ['streams', streamId] as const,
  gifts: () => ['gifts'] as const,
  commands: () => ['commands'] as const,
  commandGifts: (streamId: string) => ['streams', streamId, 'command-gifts'] as const,
  overlay: (streamId: string) => ['streams', streamId, 'overlay'] as const,
  questions: (streamId: string) => ['streams', streamId, 'questions'] as const,
  moments: (streamId: string) => ['streams', streamId, 'moments'] as const,
  wallet: (userId: string | null, ledger: string) => ['me', userId, 'wallet', ledger] as const,
  balance: (userId: string | null) => ['me', userId, 'balance'] as const,
  store: ['store'] as const,
  purchase: (sessionId: string) => ['store', 'purchase', sessionId] as const,
  payouts: (userId: string | null) => ['me', userId, 'payouts'] as const,
  statement: (userId: string | null, month: string) => ['me', userId, 'statement', month] as const,
  payoutQueue: ['admin', 'payouts'] as const,
  myProgress: (userId: string | null) => ['me', userId, 'progress'] as const,
  userProgress: (userId: string) => ['users', userId, 'progress'] as const,
  leaderboard: (category: LeaderboardCategory, scope: LeaderboardScope, top: number) => ['leaderboards', category, scope, top] as const,
  myRank: (userId: string | null, category: LeaderboardCategory, scope: LeaderboardScope) =>
    ['me', userId, 'rank', category, scope] as const,
  currentSeason: () => ['seasons', 'current'] as const,
  profile: (userId: string) => ['users', userId, 'profile'] as const,
  audit: (query: object) => ['admin', 'audit', query] as const,
  moderation: (creatorId: string) => ['creators', creatorId, 'moderation'] as const,
  held: (creatorId: string) => ['creators', creatorId, 'held'] as const,
  moderationLog: (creatorId: string) => ['creators', creatorId, 'moderation-log'] as const,
  moderatorStatus: (userId: string | null, creatorId: string) => ['me', userId, 'moderates', creatorId] as const,
  /** A report queue: `creator:<id>` or `admin`; the open-only and the whole list under it. */
  reports: (scope: string) => ['reports', scope] as const,
  analytics: (userId: string | null, streamId: string) => ['me', userId, 'analytics', streamId] as const,
  segments: (userId: string | null) => ['me', userId, 'segments'] as const,
  segmentQueue: (streamId: string) => ['streams', streamId, 'segments'] as const,
  /** "For you": per viewer (null: anonymous, the cold start). */
  recommendations: (userId: string | null, limit: number) => ['me', userId, 'recommendations', limit] as const,
  similar: (streamId: string) => ['streams', streamId, 'similar'] as const,
  following: (userId: string | null) => ['me', userId, 'following'] as const,
  vod: (streamId: string) => ['streams', streamId, 'vod'] as const,
};

/** The message to show for a failed query. */
export function queryErrorMessage(error: unknown, fallback: string): string | null {
  if (error === null || error === undefined) {
    return null;
  }
  return error instanceof Error ? error.message : fallback;
}
