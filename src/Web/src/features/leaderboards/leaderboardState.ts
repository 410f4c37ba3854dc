// A stream's live board of top gifters: the join snapshot's `gifts.topGifters`, then `leaderboard:update`. Pure.
import type { GiftStats, LeaderboardEntry, LeaderboardUpdateEvent } from '../../api/contract';

/** How many rows the watch page's panel shows (the snapshot holds the top 10). */
export const STREAM_BOARD_SIZE = 10;

/** Board order, the server's: higher score first, then user id (ordinal), so equal scores sit still. */
export function compareEntries(a: LeaderboardEntry, b: LeaderboardEntry): number {
  if (a.score !== b.score) {
    return b.score - a.score;
  }
  return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}

/** Rows of the wire read defensively: a row without a user id or a finite score is dropped. */
export function readEntries(rows: unknown): LeaderboardEntry[] {
  if (!Array.isArray(rows)) {
    return [];
  }
  const entries: LeaderboardEntry[] = [];
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) {
      continue;
    }
    const { userId, handle, score, tokens } = row as Record<string, unknown>;
    const value = typeof score === 'number' ? score : tokens;
    if (typeof userId === 'string' && userId && typeof value === 'number' && Number.isFinite(value)) {
      entries.push({ userId, handle: typeof handle === 'string' && handle ? handle : userId, score: value });
    }
  }
  return entries;
}

/**
 * Merges rows into a board: one row per user with their highest score (a stream's gifts only add up, so a lower
 * score is an older reading), in board order, the top `size`. An update may carry the whole top or only the rows
 * that moved; either way the result is the same.
 */
export function mergeBoard(
  board: readonly LeaderboardEntry[],
  rows: readonly LeaderboardEntry[],
  size = STREAM_BOARD_SIZE,
): LeaderboardEntry[] {
  const byUser = new Map<string, LeaderboardEntry>();
  for (const entry of [...board, ...rows]) {
    const seen = byUser.get(entry.userId);
    if (!seen || entry.score > seen.score || (entry.score === seen.score && entry.handle !== seen.handle)) {
      byUser.set(entry.userId, entry);
    }
  }
  return [...byUser.values()].sort(compareEntries).slice(0, size);
}

/** The board rebuilt from a join snapshot's gift stats. */
export function boardFromSnapshot(gifts: GiftStats | undefined): LeaderboardEntry[] {
  return mergeBoard([], readEntries(gifts?.topGifters));
}

/** The board after a `leaderboard:update` (only the `gifters` board is the stream's; others are ignored). */
export function applyUpdate(board: readonly LeaderboardEntry[], event: LeaderboardUpdateEvent): readonly LeaderboardEntry[] {
  if (typeof event.board === 'string' && event.board !== 'gifters') {
    return board;
  }
  return mergeBoard(board, readEntries(event.entries));
}
