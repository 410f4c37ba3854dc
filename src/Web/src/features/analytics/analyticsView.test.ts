import { describe, expect, it } from 'vitest';
import type { AnalyticsMinute } from '../../api/contract';
import { csvFileName, minuteRows, moodsSeen, refreshInterval, retentionRows, watchTime } from './analyticsView';

const minute = (at: string, reactions: Record<string, number>): AnalyticsMinute => ({
  at,
  peakViewers: 4,
  averageViewers: 2.345,
  watchers: 1,
  chatMessages: 3,
  chatDensity: 33.333,
  reactions,
  gifts: 0,
  tokens: 0,
  earnings: 0,
  subscriptions: 0,
  newFollowers: 0,
});

describe('analytics view', () => {
  it('refreshes a live stream every five seconds and a stream that is not live never', () => {
    expect(refreshInterval('live')).toBe(5_000);
    expect(refreshInterval('ended')).toBe(false);
    expect(refreshInterval('scheduled')).toBe(false);
    expect(refreshInterval(undefined)).toBe(false);
  });

  it('orders the minutes by time, gives every mood a value and totals the reactions', () => {
    const rows = minuteRows([minute('2026-12-07T20:01:00Z', { love: 2 }), minute('2026-12-07T20:00:00Z', { hype: 3, wow: 1 })]);
    expect(rows.map((row) => [row.hype, row.love, row.wow, row.angry, row.reactions])).toEqual([
      [3, 0, 1, 0, 4],
      [0, 2, 0, 0, 2],
    ]);
    expect(rows[0]!.averageViewers).toBe(2.3);
    expect(rows[0]!.chatDensity).toBe(33.3);
  });

  it('stacks only the moods anyone used, or all of them when nobody reacted', () => {
    expect(moodsSeen(minuteRows([minute('2026-12-07T20:00:00Z', { sad: 1, hype: 2 })]))).toEqual(['hype', 'sad']);
    expect(moodsSeen(minuteRows([minute('2026-12-07T20:00:00Z', {})]))).toHaveLength(6);
  });

  it('draws retention in minute order as percentages', () => {
    expect(retentionRows([{ minute: 2, share: 0.3333 }, { minute: 0, share: 1 }])).toEqual([
      { label: '0 min', minute: 0, percent: 100 },
      { label: '2 min', minute: 2, percent: 33.3 },
    ]);
  });

  it('writes watch time in seconds, minutes or hours', () => {
    expect(watchTime(44.6)).toBe('45 s');
    expect(watchTime(245)).toBe('4 min 05 s');
    expect(watchTime(3720)).toBe('1 h 02 min');
    expect(watchTime(-3)).toBe('0 s');
  });

  it('names the CSV after the stream with only safe characters', () => {
    expect(csvFileName('s_abc-1')).toBe('s_abc-1-analytics.csv');
    expect(csvFileName('s/../x')).toBe('s____x-analytics.csv');
  });
});
