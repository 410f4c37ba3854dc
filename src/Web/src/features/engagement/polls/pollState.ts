// The stream's poll as the page knows it: from the join snapshot, the poll events (in seq order), and answers that
// come out of band (a REST fetch, the poll a vote or a close returns). Pure; polls from the wire are read defensively.

import type { Poll, PollClosedEvent, PollCreateEvent, PollUpdateEvent } from '../../../api/contract';

export type PollEvent = PollCreateEvent | PollUpdateEvent | PollClosedEvent;

export interface PollState {
  /** The open poll, or the last closed one; null when there is none (yet). */
  poll: Poll | null;
}

export type PollAction =
  | { type: 'reset' }
  /** The join snapshot's `poll` (null: the stream never had one). Replaces the view. */
  | { type: 'snapshot'; poll: unknown }
  /** A poll event, in seq order: authoritative. */
  | { type: 'event'; event: PollEvent }
  /** A poll from outside the event order (REST, a hub answer): merged, never moving the view back. */
  | { type: 'received'; poll: unknown };

export const initialPoll: PollState = { poll: null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function readTallies(value: unknown, length: number): number[] | null {
  if (!Array.isArray(value)) {
    return null;
  }
  return Array.from({ length }, (_, i) => count(value[i]));
}

function readWinners(value: unknown, length: number): number[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const indexes = value.filter((v): v is number => Number.isInteger(v) && v >= 0 && v < length);
  return [...new Set(indexes)].sort((a, b) => a - b);
}

/** A poll from the wire, or null when it is not one. Tallies are fitted to the options; winners outside them are dropped. */
export function readPoll(raw: unknown): Poll | null {
  if (!isRecord(raw) || typeof raw.pollId !== 'string' || !raw.pollId || !Array.isArray(raw.options)) {
    return null;
  }
  const options = raw.options.map((o) => (typeof o === 'string' ? o : String(o ?? '')));
  const tallies = readTallies(raw.tallies, options.length) ?? options.map(() => 0);
  const sum = tallies.reduce((a, b) => a + b, 0);
  const poll: Poll = {
    pollId: raw.pollId,
    question: typeof raw.question === 'string' ? raw.question : '',
    options,
    tallies,
    totalVotes: typeof raw.totalVotes === 'number' ? Math.max(count(raw.totalVotes), sum) : sum,
    opensAt: typeof raw.opensAt === 'string' ? raw.opensAt : '',
    closesAt: typeof raw.closesAt === 'string' ? raw.closesAt : '',
    closed: raw.closed === true,
    winners: readWinners(raw.winners, options.length) ?? [],
  };
  return poll;
}

/** Applies `poll:update`'s fields to the poll they name; the fields it leaves out stay as they were. */
function patch(current: Poll | null, raw: unknown): Poll | null {
  if (!isRecord(raw) || typeof raw.pollId !== 'string') {
    return current;
  }
  if (!current || current.pollId !== raw.pollId) {
    // An update for a poll the page never saw whole (it should not happen in order): usable only if it is whole.
    return readPoll(raw) ?? current;
  }
  if (current.closed) {
    return current; // nothing follows the final result
  }
  const tallies = readTallies(raw.tallies, current.options.length) ?? current.tallies;
  const sum = tallies.reduce((a, b) => a + b, 0);
  return {
    ...current,
    tallies,
    totalVotes: typeof raw.totalVotes === 'number' ? Math.max(count(raw.totalVotes), sum) : sum,
    closesAt: typeof raw.closesAt === 'string' && raw.closesAt ? raw.closesAt : current.closesAt,
  };
}

function opensAtMs(poll: Poll): number {
  const at = Date.parse(poll.opensAt);
  return Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
}

/**
 * Folds a poll that came outside the event order into the one the page has. Votes only ever add up and a closed
 * poll stays closed, so for the same poll the larger tallies are the newer and the closed result wins; another
 * poll replaces it only if it opened later.
 */
export function mergePoll(current: Poll | null, incoming: Poll): Poll {
  if (!current) {
    return incoming;
  }
  if (current.pollId !== incoming.pollId) {
    return opensAtMs(incoming) >= opensAtMs(current) ? incoming : current;
  }
  if (current.closed) {
    return incoming.closed ? incoming : current;
  }
  if (incoming.closed) {
    return incoming;
  }
  const tallies = incoming.tallies.map((t, i) => Math.max(t, current.tallies[i] ?? 0));
  return { ...incoming, tallies, totalVotes: Math.max(incoming.totalVotes, current.totalVotes) };
}

export function pollReducer(state: PollState, action: PollAction): PollState {
  switch (action.type) {
    case 'reset':
      return initialPoll;
    case 'snapshot':
      return { poll: readPoll(action.poll) };
    case 'received': {
      const poll = readPoll(action.poll);
      return poll ? { poll: mergePoll(state.poll, poll) } : state;
    }
    case 'event':
      return { poll: applyEvent(state.poll, action.event) };
  }
}

function applyEvent(current: Poll | null, event: PollEvent): Poll | null {
  switch (event.type) {
    case 'poll:create':
      return readPoll(event.poll) ?? current;
    case 'poll:update':
      return patch(current, event.poll);
    case 'poll:closed': {
      const whole = readPoll(event.poll);
      if (whole) {
        return { ...whole, closed: true };
      }
      const patched = patch(current, event.poll);
      return patched && isRecord(event.poll) && patched.pollId === event.poll.pollId ? { ...patched, closed: true } : patched;
    }
  }
}
