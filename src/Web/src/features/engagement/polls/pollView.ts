// What the poll widget shows: each option's tally and share, the winners, the time left. Pure: the clock comes in.

import type { Poll } from '../../../api/contract';

export type PollPhase =
  /** Votes are taken. */
  | 'open'
  /** The time is up by our clock; the server's `poll:closed` has not arrived yet. */
  | 'closing'
  /** The final result. */
  | 'closed';

export interface PollOptionView {
  index: number;
  label: string;
  tally: number;
  /** A whole percentage; the options' percentages add up to 100 once anyone voted. */
  percent: number;
  /** One of the options with the most votes, in a closed poll. */
  winner: boolean;
  /** The option this viewer voted for, when the page knows it. */
  mine: boolean;
}

export interface PollView {
  pollId: string;
  question: string;
  options: PollOptionView[];
  total: number;
  phase: PollPhase;
  remainingMs: number;
  /** `m:ss` until it closes. */
  countdown: string;
  /** The share of the poll's time still left, 1 → 0. */
  timeLeft: number;
  winners: number[];
}

/**
 * Whole percentages that add up to 100 (largest remainder), 0 for all when nobody voted. Rounding each share on
 * its own would show 33 + 33 + 33 = 99 or 50 + 50 + 1 = 101.
 */
export function percentages(tallies: readonly number[]): number[] {
  const counts = tallies.map((t) => (Number.isFinite(t) && t > 0 ? t : 0));
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) {
    return counts.map(() => 0);
  }
  const exact = counts.map((c) => (c * 100) / total);
  const result = exact.map(Math.floor);
  let left = 100 - result.reduce((a, b) => a + b, 0);
  // The points left go to the largest remainders; ties to the option with more votes, then the earlier one.
  const order = exact
    .map((e, i) => ({ i, rest: e - Math.floor(e), count: counts[i]! }))
    .sort((a, b) => b.rest - a.rest || b.count - a.count || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) {
      break;
    }
    result[i]!++;
    left--;
  }
  return result;
}

/** The options with the most votes: the server's `winners` when it sent them, else counted; none without votes. */
export function winnersOf(poll: Pick<Poll, 'tallies'> & Partial<Pick<Poll, 'winners'>>): number[] {
  if (poll.winners) {
    return poll.winners;
  }
  const top = Math.max(0, ...poll.tallies);
  return top === 0 ? [] : poll.tallies.flatMap((t, i) => (t === top ? [i] : []));
}

/** Milliseconds until `closesAt` on the server's clock (`offsetMs` = server time − local time); 0 once past. */
export function remainingMs(closesAt: string, now: number, offsetMs = 0): number {
  const end = Date.parse(closesAt);
  return Number.isNaN(end) ? 0 : Math.max(0, end - (now + offsetMs));
}

/** `m:ss`, counting whole seconds up (so that 0:00 shows only when the time is really up). */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The server's clock against ours, from a live event's `at` and when it arrived (one-way latency makes it a little
 * low, so the countdown ends about when `poll:closed` arrives). Smoothed; an unreadable `at` changes nothing.
 */
export function nextClockOffset(previous: number | null, at: string, receivedAt: number): number | null {
  const sent = Date.parse(at);
  if (Number.isNaN(sent)) {
    return previous;
  }
  const sample = sent - receivedAt;
  // A jump of more than a few seconds is a changed clock, not jitter: take it whole.
  return previous === null || Math.abs(sample - previous) > 5_000 ? sample : Math.round(previous * 0.75 + sample * 0.25);
}

export interface PollViewContext {
  now: number;
  /** Server time − local time. */
  offsetMs?: number;
  /** The option this viewer voted for: undefined when not voted, null when voted but the option is unknown. */
  myVote?: number | null;
}

export function pollView(poll: Poll, { now, offsetMs = 0, myVote }: PollViewContext): PollView {
  const left = poll.closed ? 0 : remainingMs(poll.closesAt, now, offsetMs);
  const phase: PollPhase = poll.closed ? 'closed' : left > 0 ? 'open' : 'closing';
  const winners = poll.closed ? winnersOf(poll) : [];
  const shares = percentages(poll.tallies);
  const span = Date.parse(poll.closesAt) - Date.parse(poll.opensAt);
  return {
    pollId: poll.pollId,
    question: poll.question,
    options: poll.options.map((label, index) => ({
      index,
      label,
      tally: poll.tallies[index] ?? 0,
      percent: shares[index] ?? 0,
      winner: winners.includes(index),
      mine: myVote === index,
    })),
    total: Math.max(poll.totalVotes, poll.tallies.reduce((a, b) => a + b, 0)),
    phase,
    remainingMs: left,
    countdown: formatCountdown(left),
    timeLeft: span > 0 ? Math.min(1, left / span) : 0,
    winners,
  };
}

/** The closed poll's one line: "Winner: Nuke", "Tie: Dust, Nuke", "No votes". */
export function resultLine(view: Pick<PollView, 'options' | 'winners'>): string {
  const names = view.winners.map((i) => view.options[i]?.label).filter((l): l is string => l !== undefined);
  if (names.length === 0) {
    return 'No votes';
  }
  return names.length === 1 ? `Winner: ${names[0]}` : `Tie: ${names.join(', ')}`;
}
