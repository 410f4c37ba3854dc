// Pure: what the analytics page draws from `GET /api/streams/{id}/analytics` — the summary's figures, one chart
// row per minute, the retention curve in percent — and when it refreshes.
import {
  MOODS,
  type AnalyticsMinute,
  type AnalyticsSummary,
  type Mood,
  type RetentionPoint,
  type StreamStatus,
} from '../../api/contract';
import { clockTime } from '../../lib/format';

/** How often a live stream's figures are read again: the server closes a minute's bucket, the chart grows. */
export const LIVE_REFRESH_MS = 5_000;

/** While the stream is live its figures move, so they are read every few seconds; after it they stay still. */
export function refreshInterval(status: StreamStatus | undefined): number | false {
  return status === 'live' ? LIVE_REFRESH_MS : false;
}

/** One minute as the charts read it: a flat record, every mood present (0 when nobody reacted that way). */
export type MinuteRow = Omit<AnalyticsMinute, 'at' | 'reactions'> & {
  /** The minute's start on this clock, "12:03": the x axis. */
  label: string;
  /** Every mood together. */
  reactions: number;
} & Record<Mood, number>;

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** The minutes in time order, each a chart row. */
export function minuteRows(minutes: readonly AnalyticsMinute[]): MinuteRow[] {
  return [...minutes]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((minute) => {
      const byMood = Object.fromEntries(MOODS.map((mood) => [mood, minute.reactions[mood] ?? 0])) as Record<Mood, number>;
      return {
        label: clockTime(minute.at),
        peakViewers: minute.peakViewers,
        averageViewers: oneDecimal(minute.averageViewers),
        watchers: minute.watchers,
        chatMessages: minute.chatMessages,
        chatDensity: oneDecimal(minute.chatDensity),
        reactions: MOODS.reduce((sum, mood) => sum + byMood[mood], 0),
        gifts: minute.gifts,
        tokens: minute.tokens,
        earnings: minute.earnings,
        subscriptions: minute.subscriptions,
        newFollowers: minute.newFollowers,
        ...byMood,
      };
    });
}

/** The moods the reaction chart stacks: those anyone used in the range, or all of them when nobody reacted. */
export function moodsSeen(rows: readonly MinuteRow[]): readonly Mood[] {
  const seen = MOODS.filter((mood) => rows.some((row) => row[mood] > 0));
  return seen.length > 0 ? seen : MOODS;
}

export interface RetentionRow {
  /** "5 min": the x axis. */
  label: string;
  minute: number;
  /** The share of signed-in viewers still watching after `minute` minutes, in percent to one decimal. */
  percent: number;
}

/** The retention curve in minute order, shares as percentages. */
export function retentionRows(retention: readonly RetentionPoint[]): RetentionRow[] {
  return [...retention]
    .sort((a, b) => a.minute - b.minute)
    .map((point) => ({ label: `${point.minute} min`, minute: point.minute, percent: oneDecimal(point.share * 100) }));
}

/** "45 s", "4 min 05 s", "1 h 02 min". */
export function watchTime(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) {
    return `${total} s`;
  }
  const minutes = Math.floor(total / 60);
  if (minutes < 60) {
    return `${minutes} min ${String(total % 60).padStart(2, '0')} s`;
  }
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const tenths = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** A summary card: the figure's wire name, what it is called, the value as shown, and a line on what it counts. */
export interface Figure {
  key: keyof AnalyticsSummary;
  label: string;
  value: string;
  hint: string;
}

/** The summary's figures in the order the cards show them. */
export function summaryFigures(summary: AnalyticsSummary): Figure[] {
  return [
    { key: 'peakViewers', label: 'Peak viewers', value: whole.format(summary.peakViewers), hint: 'most watching at once' },
    { key: 'averageViewers', label: 'Average viewers', value: tenths.format(summary.averageViewers), hint: 'watching at once, on average' },
    { key: 'uniqueViewers', label: 'Unique viewers', value: whole.format(summary.uniqueViewers), hint: 'signed-in people who watched' },
    { key: 'averageWatchSeconds', label: 'Average watch time', value: watchTime(summary.averageWatchSeconds), hint: 'per signed-in viewer' },
    { key: 'chatMessages', label: 'Chat messages', value: whole.format(summary.chatMessages), hint: 'sent in the chat' },
    { key: 'chatDensity', label: 'Chat density', value: tenths.format(summary.chatDensity), hint: 'messages a minute per 100 viewers' },
    { key: 'reactions', label: 'Reactions', value: whole.format(summary.reactions), hint: 'mood taps, every mood' },
    { key: 'gifts', label: 'Gifts', value: whole.format(summary.gifts), hint: 'gifts received' },
    { key: 'tokens', label: 'Tokens', value: whole.format(summary.tokens), hint: 'spent on your gifts' },
    { key: 'earnings', label: 'Earnings', value: whole.format(summary.earnings), hint: 'your share, in tokens' },
    { key: 'subscriptions', label: 'Subscriptions', value: whole.format(summary.subscriptions), hint: 'new subscribers' },
    { key: 'newFollowers', label: 'New followers', value: whole.format(summary.newFollowers), hint: 'followed during the stream' },
  ];
}

/** The CSV's file name, the one the server's Content-Disposition names (only characters every file system takes). */
export function csvFileName(streamId: string): string {
  return `${streamId.replace(/[^A-Za-z0-9_-]/g, '_')}-analytics.csv`;
}
