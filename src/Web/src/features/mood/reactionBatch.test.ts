import { describe, expect, it } from 'vitest';
import type { Mood } from '../../api/contract';
import {
  BATCH_WINDOW_MS,
  flushAll,
  flushDue,
  initialBatch,
  MAX_TAPS_PER_SEND,
  nextFlushAt,
  splitTaps,
  tapReaction,
  type ReactionBatch,
  type ReactionSend,
} from './reactionBatch';
import { REACTIONS_PER_WINDOW, takeTaps } from './reactionLimiter';

/** Taps `mood` at each time in turn, flushing whatever fell due before each; returns what went out and when. */
function run(taps: readonly [number, Mood][], until: number) {
  let batch: ReactionBatch = initialBatch;
  const sent: (ReactionSend & { at: number })[] = [];
  const flushUntil = (time: number) => {
    for (let due = nextFlushAt(batch); due !== null && due <= time; due = nextFlushAt(batch)) {
      const step = flushDue(batch, due);
      batch = step.batch;
      sent.push(...step.send.map((s) => ({ ...s, at: due })));
    }
  };
  for (const [at, mood] of taps) {
    flushUntil(at);
    const step = tapReaction(batch, mood, at);
    batch = step.batch;
    sent.push(...step.send.map((s) => ({ ...s, at })));
  }
  flushUntil(until);
  return { sent, batch };
}

describe('batching reactions', () => {
  it('sends the first tap at once, and then holds nothing', () => {
    const step = tapReaction(initialBatch, 'hype', 1_000);
    expect(step.send).toEqual([{ mood: 'hype', count: 1 }]);
    expect(nextFlushAt(step.batch)).toBeNull();
  });

  it('holds the taps inside the window and sends their sum as one message when it ends', () => {
    let step = tapReaction(initialBatch, 'love', 1_000);
    for (const at of [1_050, 1_100, 1_249]) {
      step = tapReaction(step.batch, 'love', at);
      expect(step.send).toEqual([]);
    }
    expect(nextFlushAt(step.batch)).toBe(1_000 + BATCH_WINDOW_MS);

    const early = flushDue(step.batch, 1_249);
    expect(early.send).toEqual([]);
    expect(early.batch).toBe(step.batch);

    const flushed = flushDue(step.batch, 1_250);
    expect(flushed.send).toEqual([{ mood: 'love', count: 3 }]);
    expect(nextFlushAt(flushed.batch)).toBeNull();
  });

  it('starts the window over from that send: the taps after it wait for its end', () => {
    let batch = tapReaction(initialBatch, 'wow', 0).batch;
    batch = tapReaction(batch, 'wow', 100).batch;
    batch = flushDue(batch, 260).batch; // woken a little late: the window runs from the send
    const held = tapReaction(batch, 'wow', 300);
    expect(held.send).toEqual([]);
    expect(nextFlushAt(held.batch)).toBe(260 + BATCH_WINDOW_MS);
    expect(flushDue(held.batch, 510).send).toEqual([{ mood: 'wow', count: 1 }]);
  });

  it('sends a tap after a quiet window at once', () => {
    let batch = tapReaction(initialBatch, 'sad', 0).batch;
    batch = tapReaction(batch, 'sad', 100).batch;
    batch = flushDue(batch, 250).batch;
    const quiet = flushDue(batch, 500); // the window after the send passed with no tap
    expect(quiet.send).toEqual([]);
    expect(quiet.batch.moods.sad).toBeUndefined();
    expect(tapReaction(quiet.batch, 'sad', 600).send).toEqual([{ mood: 'sad', count: 1 }]);
    // Also when no flush came in between: the window is over by the clock.
    expect(tapReaction(batch, 'sad', 500).send).toEqual([{ mood: 'sad', count: 1 }]);
  });

  it('sends the taps still held with a tap after their window, should the wake have come late', () => {
    let batch = tapReaction(initialBatch, 'angry', 0).batch;
    batch = tapReaction(batch, 'angry', 100).batch;
    batch = tapReaction(batch, 'angry', 200).batch;
    const step = tapReaction(batch, 'angry', 400);
    expect(step.send).toEqual([{ mood: 'angry', count: 3 }]);
    expect(nextFlushAt(step.batch)).toBeNull();
    expect(tapReaction(step.batch, 'angry', 500).send).toEqual([]);
  });

  it('holds and sends each mood on its own', () => {
    let step = tapReaction(initialBatch, 'hype', 0);
    expect(step.send).toEqual([{ mood: 'hype', count: 1 }]);
    step = tapReaction(step.batch, 'hype', 50);
    step = tapReaction(step.batch, 'love', 100);
    expect(step.send).toEqual([{ mood: 'love', count: 1 }]); // love's first: hype's window does not hold it
    step = tapReaction(step.batch, 'love', 150);
    step = tapReaction(step.batch, 'love', 200);
    step = tapReaction(step.batch, 'hype', 240);
    expect(nextFlushAt(step.batch)).toBe(BATCH_WINDOW_MS);

    const hype = flushDue(step.batch, 250);
    expect(hype.send).toEqual([{ mood: 'hype', count: 2 }]);
    expect(nextFlushAt(hype.batch)).toBe(100 + BATCH_WINDOW_MS);
    const love = flushDue(hype.batch, 350);
    expect(love.send).toEqual([{ mood: 'love', count: 2 }]);
    expect(nextFlushAt(love.batch)).toBeNull();
  });

  it('sends one message per mood when several are due at once', () => {
    let batch = initialBatch;
    for (const mood of ['laugh', 'hype', 'laugh', 'hype', 'hype'] as const) {
      batch = tapReaction(batch, mood, 0).batch;
    }
    expect(flushDue(batch, BATCH_WINDOW_MS).send).toEqual([
      { mood: 'hype', count: 2 },
      { mood: 'laugh', count: 1 },
    ]);
  });

  it(`never puts more than ${MAX_TAPS_PER_SEND} taps in one message`, () => {
    let batch = tapReaction(initialBatch, 'hype', 0).batch;
    for (let i = 0; i < 25; i++) {
      batch = tapReaction(batch, 'hype', 10 + i).batch; // no limiter in front: more than it would let through
    }
    expect(flushDue(batch, BATCH_WINDOW_MS).send).toEqual([
      { mood: 'hype', count: 10 },
      { mood: 'hype', count: 10 },
      { mood: 'hype', count: 5 },
    ]);
    batch = tapReaction(initialBatch, 'love', 0).batch;
    for (let i = 0; i < MAX_TAPS_PER_SEND; i++) {
      batch = tapReaction(batch, 'love', 10 + i).batch;
    }
    expect(tapReaction(batch, 'love', 300).send).toEqual([
      { mood: 'love', count: 10 },
      { mood: 'love', count: 1 },
    ]);
    expect(splitTaps('wow', 0)).toEqual([]);
    expect(splitTaps('wow', 7, 3)).toEqual([
      { mood: 'wow', count: 3 },
      { mood: 'wow', count: 3 },
      { mood: 'wow', count: 1 },
    ]);
  });

  it('sends everything held at once when leaving, and holds nothing after', () => {
    let batch = initialBatch;
    const taps = [[0, 'hype'], [10, 'hype'], [20, 'hype'], [30, 'wow'], [40, 'wow'], [50, 'sad']] as const;
    for (const [at, mood] of taps) {
      batch = tapReaction(batch, mood, at).batch;
    }
    const step = flushAll(batch);
    expect(step.send).toEqual([
      { mood: 'hype', count: 2 },
      { mood: 'wow', count: 1 },
    ]);
    expect(step.batch).toEqual(initialBatch);
    expect(nextFlushAt(step.batch)).toBeNull();
    expect(flushAll(initialBatch).send).toEqual([]);
  });

  it('costs at most 4 messages a second per mood for a viewer spamming it, every tap sent', () => {
    const taps: [number, Mood][] = [];
    for (let at = 0; at < 10_000; at += 37) {
      // Two moods, 27 clicks a second each.
      taps.push([at, 'hype'], [at, 'love']);
    }
    const { sent, batch } = run(taps, 11_000);
    expect(nextFlushAt(batch)).toBeNull();
    for (const mood of ['hype', 'love'] as const) {
      const mine = sent.filter((s) => s.mood === mood);
      expect(mine.reduce((sum, s) => sum + s.count, 0)).toBe(taps.filter(([, m]) => m === mood).length);
      for (const s of mine) {
        expect(mine.filter((o) => o.at >= s.at && o.at < s.at + 1_000).length).toBeLessThanOrEqual(4);
      }
      mine.slice(1).forEach((s, i) => expect(s.at - mine[i]!.at).toBeGreaterThanOrEqual(BATCH_WINDOW_MS));
    }
    sent.forEach((s) => expect(s.count).toBeLessThanOrEqual(MAX_TAPS_PER_SEND));
  });

  it.each([0, 130, 499, 870])(
    'sends a spamming viewer\'s taps as the server counts them, 10 a second and none dropped (refill at %i ms)',
    (phase) => {
      // About 20 clicks a second for a minute, at uneven times (a fixed seed).
      let seed = 7;
      const taps: [number, Mood][] = [];
      for (let at = 0; at < 60_000; at += Math.floor((seed / 2 ** 31) * 100)) {
        taps.push([at, 'hype']);
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      }
      const { sent } = run(taps, 61_000);

      // Through the limit as useReactions sends them, into the server's token bucket: 10 tokens, refilled to 10
      // every second (at `phase` into each), a message that would go over dropped whole.
      let sentAt: number[] = [];
      let tokens = REACTIONS_PER_WINDOW;
      let nextRefill = phase;
      let counted = 0;
      for (const s of sent) {
        const limit = takeTaps(sentAt, s.at, s.count);
        sentAt = limit.sentAt;
        if (limit.granted === 0) {
          continue;
        }
        for (; nextRefill <= s.at; nextRefill += 1_000) {
          tokens = REACTIONS_PER_WINDOW;
        }
        expect(limit.granted).toBeLessThanOrEqual(tokens);
        tokens -= limit.granted;
        counted += limit.granted;
      }
      // 10 taps in every second of the 60 the viewer spammed (the last held ones go out just after).
      expect(counted).toBeGreaterThanOrEqual(60 * REACTIONS_PER_WINDOW - 1);
      expect(counted).toBeLessThanOrEqual(61 * REACTIONS_PER_WINDOW);
    },
  );
});
