// Orders each stream's events as PROTOCOL.md "Reconnecting without losing events" asks, so that a view
// applies every event exactly once and in order, across gaps, re-joins and reconnects.
// Pure and framework-free: it never talks to the network, it tells its caller when to (re-)join.

/** What the sequencer needs of an event. */
export interface SequencedEvent {
  readonly streamId: string;
  readonly seq: number;
}

/** What the sequencer needs of a `stream:join` result. */
export interface SequencedSnapshot<E extends SequencedEvent> {
  readonly seq: number;
  readonly replay: readonly E[];
  readonly gapTooOld: boolean;
}

/** One `stream:join` call to make: invoke it with `sinceSeq`, then hand the result back with this ticket. */
export interface JoinTicket {
  readonly streamId: string;
  /** The highest seq applied, or null when the view must be built from the snapshot. */
  readonly sinceSeq: number | null;
  /** Tells this join apart from later ones, so that a late answer to an abandoned join is ignored. */
  readonly attempt: number;
}

/** What the caller has to do after handing the sequencer an event or a join result. */
export interface SequencerOutcome<E extends SequencedEvent> {
  /** Replace the stream's view with the snapshot before applying `events`. */
  readonly reset: boolean;
  /** Events to apply to the view, in this order. */
  readonly events: readonly E[];
  /** When set, invoke `stream:join(ticket.streamId, ticket.sinceSeq)` and pass its result to `completeJoin`. */
  readonly rejoin: JoinTicket | null;
  /** The answer belonged to a join that was superseded or forgotten; nothing was done. */
  readonly stale: boolean;
}

interface Track<E> {
  /** The highest seq applied; null until a first snapshot arrived. */
  lastSeq: number | null;
  /** The attempt of the join in flight, or null when none is. */
  joining: number | null;
  /** Live events that arrived while a join was in flight. */
  queue: E[];
}

const NOTHING: SequencerOutcome<never> = { reset: false, events: [], rejoin: null, stale: false };
const STALE: SequencerOutcome<never> = { reset: false, events: [], rejoin: null, stale: true };

export class StreamSequencer<E extends SequencedEvent> {
  private readonly tracks = new Map<string, Track<E>>();
  private attempts = 0;

  /**
   * Starts a join of the stream (tracking it from now on) and returns the ticket to invoke `stream:join` with.
   * Live events of the stream are queued until `completeJoin` or `failJoin`. A join begun while another is in
   * flight supersedes it (after a reconnect, say): the older one's answer is then ignored.
   */
  beginJoin(streamId: string): JoinTicket {
    let track = this.tracks.get(streamId);
    if (!track) {
      track = { lastSeq: null, joining: null, queue: [] };
      this.tracks.set(streamId, track);
    }
    return this.startJoin(streamId, track, track.queue);
  }

  /**
   * Applies a `stream:join` result: with `reset`, the caller replaces its view with the snapshot; then it applies
   * `events` (the replay, then the live events queued during the join with a seq above the snapshot's).
   */
  completeJoin(ticket: JoinTicket, snapshot: SequencedSnapshot<E>): SequencerOutcome<E> {
    const track = this.tracks.get(ticket.streamId);
    if (!track || track.joining !== ticket.attempt) {
      return STALE;
    }
    track.joining = null;
    const queued = track.queue;
    track.queue = [];

    let reset = ticket.sinceSeq === null || track.lastSeq === null || snapshot.gapTooOld;
    let events: E[] = [];
    if (!reset && track.lastSeq !== null) {
      const replayed = this.contiguous(track.lastSeq, snapshot.replay, ticket.streamId);
      // A replay that does not reach the snapshot's seq, or a stream whose seq went backwards (its history is
      // gone), cannot be patched onto the view: start again from the snapshot rather than re-join forever.
      if (replayed.last !== snapshot.seq) {
        reset = true;
      } else {
        events = replayed.events;
      }
    }
    track.lastSeq = snapshot.seq;

    const live = this.contiguous(snapshot.seq, queued, ticket.streamId);
    events = events.concat(live.events);
    track.lastSeq = live.last;
    const rejoin = live.rest.length > 0 ? this.startJoin(ticket.streamId, track, live.rest) : null;
    return { reset, events, rejoin, stale: false };
  }

  /**
   * The join failed: stop queueing. The events it would have brought are fetched by the next join.
   * Returns false when the join was already superseded or forgotten (nothing to do about its failure).
   */
  failJoin(ticket: JoinTicket): boolean {
    const track = this.tracks.get(ticket.streamId);
    if (!track || track.joining !== ticket.attempt) {
      return false;
    }
    track.joining = null;
    track.queue = [];
    return true;
  }

  /** Takes one live event: applies it, drops it as a duplicate, queues it during a join, or asks for a re-join. */
  receive(event: E): SequencerOutcome<E> {
    const track = this.tracks.get(event.streamId);
    if (!track) {
      return NOTHING; // not joined (any more)
    }
    if (track.joining !== null) {
      track.queue.push(event);
      return NOTHING;
    }
    if (track.lastSeq === null) {
      return NOTHING; // no snapshot to apply it to; the next join brings it
    }
    if (event.seq <= track.lastSeq) {
      return NOTHING; // a duplicate
    }
    if (event.seq === track.lastSeq + 1) {
      track.lastSeq = event.seq;
      return { reset: false, events: [event], rejoin: null, stale: false };
    }
    // A jump: something was missed. Keep this event; the re-join's replay fills the hole before it.
    return { reset: false, events: [], rejoin: this.startJoin(event.streamId, track, [event]), stale: false };
  }

  /**
   * Stops tracking the stream (on leave): its events are ignored and answers to its joins are stale.
   * The next `beginJoin` starts from a whole snapshot.
   */
  forget(streamId: string): void {
    this.tracks.delete(streamId);
  }

  /** The highest seq applied for the stream, or null. */
  lastSeq(streamId: string): number | null {
    return this.tracks.get(streamId)?.lastSeq ?? null;
  }

  /** Whether a join of the stream is in flight (its live events are being queued). */
  isJoining(streamId: string): boolean {
    return (this.tracks.get(streamId)?.joining ?? null) !== null;
  }

  /** The streams tracked, for re-joining them all after a reconnect. */
  streamIds(): string[] {
    return [...this.tracks.keys()];
  }

  private startJoin(streamId: string, track: Track<E>, queue: E[]): JoinTicket {
    const attempt = ++this.attempts;
    track.joining = attempt;
    track.queue = queue;
    return { streamId, sinceSeq: track.lastSeq, attempt };
  }

  /**
   * Takes, from `candidates` in seq order, the run that follows `last` without a hole, skipping duplicates.
   * `rest` holds what is left after a hole (empty when there is none).
   */
  private contiguous(last: number, candidates: readonly E[], streamId: string): { events: E[]; last: number; rest: E[] } {
    const sorted = candidates.filter((e) => e.streamId === streamId).sort((a, b) => a.seq - b.seq);
    const events: E[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const event = sorted[i]!;
      if (event.seq <= last) {
        continue;
      }
      if (event.seq !== last + 1) {
        return { events, last, rest: sorted.slice(i) };
      }
      events.push(event);
      last = event.seq;
    }
    return { events, last, rest: [] };
  }
}
