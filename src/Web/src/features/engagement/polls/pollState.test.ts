import { describe, expect, it } from 'vitest';
import type { Poll, PollClosedEvent, PollCreateEvent, PollPatch, PollUpdateEvent } from '../../../api/contract';
import { initialPoll, mergePoll, pollReducer, readPoll, type PollState } from './pollState';

function poll(overrides: Partial<Poll> = {}): Poll {
  return {
    pollId: 'p_1',
    question: 'Next map?',
    options: ['Dust', 'Nuke'],
    tallies: [0, 0],
    totalVotes: 0,
    opensAt: '2026-11-24T12:00:00+00:00',
    closesAt: '2026-11-24T12:01:00+00:00',
    closed: false,
    winners: [],
    ...overrides,
  };
}

let seq = 150;
const base = () => ({ streamId: 's_1', seq: ++seq, at: '2026-11-24T12:00:01+00:00' });
const created = (p: Poll): PollCreateEvent => ({ type: 'poll:create', ...base(), poll: p });
// The server sends the whole poll; the client still merges a partial one (an older server's) into the poll it has.
const updated = (p: PollPatch): PollUpdateEvent => ({ type: 'poll:update', ...base(), poll: p as Poll });
const closed = (p: Poll): PollClosedEvent => ({ type: 'poll:closed', ...base(), poll: p });

function run(state: PollState, ...events: (PollCreateEvent | PollUpdateEvent | PollClosedEvent)[]): PollState {
  return events.reduce((s, event) => pollReducer(s, { type: 'event', event }), state);
}

describe('the stream’s poll', () => {
  it('comes from the join snapshot, null when the stream never had one', () => {
    expect(pollReducer(initialPoll, { type: 'snapshot', poll: poll() }).poll?.pollId).toBe('p_1');
    expect(pollReducer({ poll: poll() }, { type: 'snapshot', poll: null }).poll).toBeNull();
  });

  it('opens with poll:create, takes the tallies of poll:update and the result of poll:closed', () => {
    let state = run(initialPoll, created(poll()));
    state = run(state, updated({ pollId: 'p_1', tallies: [12, 30], totalVotes: 42 }));
    expect(state.poll).toMatchObject({ question: 'Next map?', tallies: [12, 30], totalVotes: 42, closed: false });

    state = run(state, closed(poll({ tallies: [12, 31], totalVotes: 43, closed: true, winners: [1] })));
    expect(state.poll).toMatchObject({ tallies: [12, 31], closed: true, winners: [1] });
  });

  it('keeps the fields a poll:update leaves out', () => {
    const state = run(initialPoll, created(poll()), updated({ pollId: 'p_1', tallies: [1, 0], totalVotes: 1 }));
    expect(state.poll).toMatchObject({ question: 'Next map?', options: ['Dust', 'Nuke'], closesAt: '2026-11-24T12:01:00+00:00' });
  });

  it('ignores a poll:update of another poll that is not whole, and any update after the result', () => {
    let state = run(initialPoll, created(poll()), updated({ pollId: 'p_other', tallies: [5, 5] }));
    expect(state.poll).toMatchObject({ pollId: 'p_1', tallies: [0, 0] });
    state = run(state, closed(poll({ tallies: [1, 0], totalVotes: 1, closed: true, winners: [0] })));
    state = run(state, updated({ pollId: 'p_1', tallies: [9, 9], totalVotes: 18 }));
    expect(state.poll).toMatchObject({ tallies: [1, 0], closed: true });
  });

  it('replaces a closed poll with the next one', () => {
    let state = run(initialPoll, created(poll()), closed(poll({ closed: true, winners: [] })));
    state = run(state, created(poll({ pollId: 'p_2', question: 'Snack?', opensAt: '2026-11-24T12:05:00+00:00' })));
    expect(state.poll).toMatchObject({ pollId: 'p_2', question: 'Snack?', closed: false });
  });

  it('fits tallies to the options and drops winners that are not options', () => {
    expect(readPoll({ ...poll(), tallies: [3], winners: [0, 7, -1] })).toMatchObject({ tallies: [3, 0], winners: [0] });
    expect(readPoll({ ...poll(), tallies: [1, 2], totalVotes: undefined })?.totalVotes).toBe(3);
    expect(readPoll({ question: 'no id' })).toBeNull();
    expect(readPoll(null)).toBeNull();
  });
});

describe('a poll received out of order (a vote’s answer, a fetch)', () => {
  it('never lowers the tallies the events brought', () => {
    const state = run(initialPoll, created(poll()), updated({ pollId: 'p_1', tallies: [4, 6], totalVotes: 10 }));
    const next = pollReducer(state, { type: 'received', poll: poll({ tallies: [5, 3], totalVotes: 8 }) });
    expect(next.poll).toMatchObject({ tallies: [5, 6], totalVotes: 10 });
  });

  it('never reopens a closed poll, but brings the result when it is the closed one', () => {
    const final = poll({ tallies: [1, 2], totalVotes: 3, closed: true, winners: [1] });
    expect(mergePoll(final, poll({ tallies: [1, 1], totalVotes: 2 }))).toBe(final);
    expect(mergePoll(poll({ tallies: [1, 1], totalVotes: 2 }), final)).toBe(final);
  });

  it('replaces another poll only if it opened later', () => {
    const newer = poll({ pollId: 'p_2', opensAt: '2026-11-24T12:05:00+00:00' });
    expect(mergePoll(poll(), newer)).toBe(newer);
    expect(mergePoll(newer, poll()).pollId).toBe('p_2');
  });

  it('ignores what is not a poll', () => {
    const state: PollState = { poll: poll() };
    expect(pollReducer(state, { type: 'received', poll: { nope: true } })).toBe(state);
  });
});
