import { describe, expect, it } from 'vitest';
import { StreamSequencer, type SequencedEvent, type SequencedSnapshot } from './streamSequencer';

interface TestEvent extends SequencedEvent {
  readonly label: string;
}

const S = 's_test';

function ev(seq: number, streamId = S): TestEvent {
  return { streamId, seq, label: `e${seq}` };
}

function snap(seq: number, replay: TestEvent[] = [], gapTooOld = false): SequencedSnapshot<TestEvent> {
  return { seq, replay, gapTooOld };
}

function seqs(events: readonly TestEvent[]): number[] {
  return events.map((e) => e.seq);
}

/** A sequencer whose stream S was joined at `seq`. */
function joinedAt(seq: number): StreamSequencer<TestEvent> {
  const sequencer = new StreamSequencer<TestEvent>();
  const ticket = sequencer.beginJoin(S);
  sequencer.completeJoin(ticket, snap(seq));
  return sequencer;
}

describe('first join', () => {
  it('asks for a whole snapshot and applies it as a reset', () => {
    const sequencer = new StreamSequencer<TestEvent>();
    const ticket = sequencer.beginJoin(S);
    expect(ticket.sinceSeq).toBeNull();

    const outcome = sequencer.completeJoin(ticket, snap(130));

    expect(outcome.reset).toBe(true);
    expect(outcome.events).toEqual([]);
    expect(outcome.rejoin).toBeNull();
    expect(sequencer.lastSeq(S)).toBe(130);
  });

  it('ignores events of streams it does not track', () => {
    const sequencer = joinedAt(10);
    const outcome = sequencer.receive(ev(1, 's_other'));
    expect(outcome.events).toEqual([]);
    expect(outcome.rejoin).toBeNull();
  });
});

describe('live events', () => {
  it('applies the event that follows the last one', () => {
    const sequencer = joinedAt(10);
    expect(seqs(sequencer.receive(ev(11)).events)).toEqual([11]);
    expect(seqs(sequencer.receive(ev(12)).events)).toEqual([12]);
    expect(sequencer.lastSeq(S)).toBe(12);
  });

  it('drops duplicates and events at or below the last seq', () => {
    const sequencer = joinedAt(10);
    sequencer.receive(ev(11));

    expect(sequencer.receive(ev(11)).events).toEqual([]);
    expect(sequencer.receive(ev(10)).events).toEqual([]);
    expect(sequencer.receive(ev(3)).events).toEqual([]);
    expect(sequencer.lastSeq(S)).toBe(11);
  });
});

describe('gap detection', () => {
  it('asks to re-join with the last applied seq on a jump, and applies nothing past the hole', () => {
    const sequencer = joinedAt(10);

    const outcome = sequencer.receive(ev(13));

    expect(outcome.events).toEqual([]);
    expect(outcome.rejoin).toMatchObject({ streamId: S, sinceSeq: 10 });
    expect(sequencer.isJoining(S)).toBe(true);
    expect(sequencer.lastSeq(S)).toBe(10);
  });

  it('fills the hole from the replay, then applies the event that revealed it and the ones after', () => {
    const sequencer = joinedAt(10);
    const ticket = sequencer.receive(ev(13)).rejoin!;
    sequencer.receive(ev(14));
    sequencer.receive(ev(15));

    const outcome = sequencer.completeJoin(ticket, snap(14, [ev(11), ev(12), ev(13), ev(14)]));

    expect(outcome.reset).toBe(false);
    expect(seqs(outcome.events)).toEqual([11, 12, 13, 14, 15]);
    expect(outcome.rejoin).toBeNull();
    expect(sequencer.lastSeq(S)).toBe(15);
  });

  it('asks to re-join again when the queued events hold a hole above the snapshot', () => {
    const sequencer = joinedAt(10);
    const ticket = sequencer.beginJoin(S);
    sequencer.receive(ev(13));
    sequencer.receive(ev(15));
    sequencer.receive(ev(16));

    const outcome = sequencer.completeJoin(ticket, snap(12, [ev(11), ev(12)]));

    expect(seqs(outcome.events)).toEqual([11, 12, 13]);
    expect(outcome.rejoin).toMatchObject({ streamId: S, sinceSeq: 13 });
    expect(sequencer.isJoining(S)).toBe(true);

    // The events after the hole stay queued for the next join.
    const next = sequencer.completeJoin(outcome.rejoin!, snap(14, [ev(14)]));
    expect(seqs(next.events)).toEqual([14, 15, 16]);
    expect(sequencer.lastSeq(S)).toBe(16);
  });
});

describe('queue during join', () => {
  it('holds live events while a join is in flight and releases those above the snapshot after it', () => {
    const sequencer = new StreamSequencer<TestEvent>();
    const ticket = sequencer.beginJoin(S);

    // Arrive before the join answers: 129 and 130 are already in the snapshot.
    expect(sequencer.receive(ev(129)).events).toEqual([]);
    expect(sequencer.receive(ev(130)).events).toEqual([]);
    expect(sequencer.receive(ev(131)).events).toEqual([]);
    expect(sequencer.receive(ev(132)).events).toEqual([]);

    const outcome = sequencer.completeJoin(ticket, snap(130));

    expect(outcome.reset).toBe(true);
    expect(seqs(outcome.events)).toEqual([131, 132]);
    expect(sequencer.lastSeq(S)).toBe(132);
    expect(sequencer.isJoining(S)).toBe(false);
  });

  it('queues during a re-join too, and drops queued duplicates of the replay', () => {
    const sequencer = joinedAt(10);
    const ticket = sequencer.beginJoin(S);
    expect(ticket.sinceSeq).toBe(10);
    sequencer.receive(ev(12));
    sequencer.receive(ev(12));
    sequencer.receive(ev(13));

    const outcome = sequencer.completeJoin(ticket, snap(12, [ev(11), ev(12)]));

    expect(seqs(outcome.events)).toEqual([11, 12, 13]);
  });

  it('stops queueing when the join fails and lets the next join fetch what was missed', () => {
    const sequencer = joinedAt(10);
    const ticket = sequencer.beginJoin(S);
    sequencer.receive(ev(11));
    expect(sequencer.failJoin(ticket)).toBe(true);
    expect(sequencer.failJoin(ticket)).toBe(false);

    expect(sequencer.isJoining(S)).toBe(false);
    expect(sequencer.lastSeq(S)).toBe(10);
    // 11 was dropped with the failed join: 12 is a jump, which asks for a re-join from 10.
    expect(sequencer.receive(ev(12)).rejoin).toMatchObject({ sinceSeq: 10 });
  });
});

describe('replay ordering', () => {
  it('applies the replay before the queued events, each in seq order', () => {
    const sequencer = joinedAt(20);
    const ticket = sequencer.beginJoin(S);
    sequencer.receive(ev(26));
    sequencer.receive(ev(25));

    // Out of order on purpose: the sequencer sorts rather than trusting arrival order.
    const outcome = sequencer.completeJoin(ticket, snap(24, [ev(23), ev(21), ev(24), ev(22)]));

    expect(outcome.reset).toBe(false);
    expect(seqs(outcome.events)).toEqual([21, 22, 23, 24, 25, 26]);
  });

  it('applies nothing but the queue when nothing was missed', () => {
    const sequencer = joinedAt(20);
    const ticket = sequencer.beginJoin(S);
    sequencer.receive(ev(21));

    const outcome = sequencer.completeJoin(ticket, snap(20));

    expect(outcome.reset).toBe(false);
    expect(seqs(outcome.events)).toEqual([21]);
  });

  it('ignores the answer of a join that a later join superseded (a reconnect during a join)', () => {
    const sequencer = joinedAt(10);
    const first = sequencer.beginJoin(S);
    const second = sequencer.beginJoin(S);
    expect(second.sinceSeq).toBe(10);

    expect(sequencer.completeJoin(first, snap(11, [ev(11)])).stale).toBe(true);
    expect(sequencer.isJoining(S)).toBe(true);

    const outcome = sequencer.completeJoin(second, snap(12, [ev(11), ev(12)]));
    expect(seqs(outcome.events)).toEqual([11, 12]);
  });

  it('ignores the answer of a join for a stream it forgot', () => {
    const sequencer = new StreamSequencer<TestEvent>();
    const ticket = sequencer.beginJoin(S);
    sequencer.forget(S);

    expect(sequencer.completeJoin(ticket, snap(5)).stale).toBe(true);
    expect(sequencer.receive(ev(6)).events).toEqual([]);
    expect(sequencer.streamIds()).toEqual([]);
  });
});

describe('gapTooOld', () => {
  it('resets from the snapshot and applies only the queued events above it', () => {
    const sequencer = joinedAt(10);
    const ticket = sequencer.beginJoin(S);
    sequencer.receive(ev(700));
    sequencer.receive(ev(701));
    sequencer.receive(ev(702));

    const outcome = sequencer.completeJoin(ticket, snap(700, [], true));

    expect(outcome.reset).toBe(true);
    expect(seqs(outcome.events)).toEqual([701, 702]);
    expect(outcome.rejoin).toBeNull();
    expect(sequencer.lastSeq(S)).toBe(702);
  });

  it('resets when the replay does not reach the snapshot seq, instead of re-joining forever', () => {
    const sequencer = joinedAt(10);
    const ticket = sequencer.beginJoin(S);

    const outcome = sequencer.completeJoin(ticket, snap(15, [ev(11), ev(12)]));

    expect(outcome.reset).toBe(true);
    expect(outcome.events).toEqual([]);
    expect(sequencer.lastSeq(S)).toBe(15);
  });

  it('resets when the stream seq went backwards (the server lost its history)', () => {
    const sequencer = joinedAt(50);
    const ticket = sequencer.beginJoin(S);

    const outcome = sequencer.completeJoin(ticket, snap(3));

    expect(outcome.reset).toBe(true);
    expect(sequencer.lastSeq(S)).toBe(3);
    expect(seqs(sequencer.receive(ev(4)).events)).toEqual([4]);
  });

  it('starts from a whole snapshot again after forgetting the stream', () => {
    const sequencer = joinedAt(10);
    sequencer.forget(S);
    const ticket = sequencer.beginJoin(S);
    expect(ticket.sinceSeq).toBeNull();

    expect(sequencer.completeJoin(ticket, snap(12)).reset).toBe(true);
    expect(sequencer.lastSeq(S)).toBe(12);
  });
});
