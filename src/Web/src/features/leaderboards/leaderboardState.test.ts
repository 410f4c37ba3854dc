import { describe, expect, it } from 'vitest';
import type { LeaderboardEntry, LeaderboardUpdateEvent } from '../../api/contract';
import { applyUpdate, boardFromSnapshot, mergeBoard, readEntries, STREAM_BOARD_SIZE } from './leaderboardState';
import { rankRows, readCategory, readScope } from './leaderboardView';

const e = (userId: string, score: number, handle = userId): LeaderboardEntry => ({ userId, handle, score });

function update(entries: unknown[], board = 'gifters'): LeaderboardUpdateEvent {
  return { type: 'leaderboard:update', streamId: 's_1', seq: 1, at: '', board, entries: entries as LeaderboardEntry[] };
}

describe('a stream’s live board', () => {
  it('starts from the snapshot’s top gifters (tokens as the score)', () => {
    const board = boardFromSnapshot({ totalTokens: 30, topGifters: [{ userId: 'u_b', handle: 'bob', tokens: 10 }, { userId: 'u_a', handle: 'ada', tokens: 20 }] });
    expect(board).toEqual([e('u_a', 20, 'ada'), e('u_b', 10, 'bob')]);
    expect(boardFromSnapshot(undefined)).toEqual([]);
  });

  it('takes a whole new top from an update', () => {
    const board = applyUpdate([e('u_a', 20), e('u_b', 10)], update([e('u_b', 900), e('u_a', 20)]));
    expect(board.map((x) => x.userId)).toEqual(['u_b', 'u_a']);
  });

  it('merges a partial update: one row per user, the highest score, board order, ties by user id', () => {
    const board = mergeBoard([e('u_a', 20), e('u_c', 5)], [e('u_c', 20), e('u_a', 15), e('u_d', 1)]);
    expect(board).toEqual([e('u_a', 20), e('u_c', 20), e('u_d', 1)]);
  });

  it('keeps the top ten only', () => {
    const many = Array.from({ length: 15 }, (_, i) => e(`u_${String(i).padStart(2, '0')}`, i));
    const board = mergeBoard([], many);
    expect(board).toHaveLength(STREAM_BOARD_SIZE);
    expect(board[0]!.score).toBe(14);
    expect(board.at(-1)!.score).toBe(5);
  });

  it('ignores other boards and junk rows', () => {
    const start = [e('u_a', 1)];
    expect(applyUpdate(start, update([e('u_z', 99)], 'engaged'))).toBe(start);
    expect(readEntries([null, { userId: 'u_x' }, { userId: 'u_y', score: 'x' }, { userId: 'u_z', score: 3 }])).toEqual([e('u_z', 3)]);
    expect(readEntries('nope')).toEqual([]);
  });

  it('takes a handle change at an equal score', () => {
    expect(mergeBoard([e('u_a', 5, 'old')], [e('u_a', 5, 'new')])).toEqual([e('u_a', 5, 'new')]);
  });
});

describe('the leaderboards page', () => {
  it('reads its category and scope from the URL, defaulting to gifters, all time', () => {
    expect(readCategory('creator-tokens')).toBe('creator-tokens');
    expect(readCategory('bogus')).toBe('gifters');
    expect(readCategory(null)).toBe('gifters');
    expect(readScope('season')).toBe('season');
    expect(readScope('x')).toBe('all');
  });

  it('numbers my neighbours around my rank', () => {
    const rows = rankRows({ rank: 7, entry: e('u_me', 50), above: [e('u_5', 70), e('u_6', 60)], below: [e('u_8', 40)] });
    expect(rows.map((r) => [r.rank, r.entry.userId, r.me])).toEqual([
      [5, 'u_5', false],
      [6, 'u_6', false],
      [7, 'u_me', true],
      [8, 'u_8', false],
    ]);
  });
});
