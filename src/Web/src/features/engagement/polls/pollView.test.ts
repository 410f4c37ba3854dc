import { describe, expect, it } from 'vitest';
import type { Poll } from '../../../api/contract';
import { formatCountdown, nextClockOffset, percentages, pollView, remainingMs, resultLine, winnersOf } from './pollView';

const OPENS = Date.parse('2026-11-24T12:00:00+00:00');

function poll(overrides: Partial<Poll> = {}): Poll {
  return {
    pollId: 'p_1',
    question: 'Next map?',
    options: ['Dust', 'Nuke', 'Mirage'],
    tallies: [0, 0, 0],
    totalVotes: 0,
    opensAt: '2026-11-24T12:00:00+00:00',
    closesAt: '2026-11-24T12:01:00+00:00',
    closed: false,
    winners: [],
    ...overrides,
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('poll percentages', () => {
  it('are all 0 before anyone voted', () => {
    expect(percentages([0, 0, 0])).toEqual([0, 0, 0]);
  });

  it('add up to 100 where rounding each share would make 99', () => {
    const shares = percentages([1, 1, 1]);
    expect(sum(shares)).toBe(100);
    expect(shares).toEqual([34, 33, 33]);
  });

  it('add up to 100 where rounding each share would make 101', () => {
    const shares = percentages([1, 1, 98 * 2]); // 0.5 %, 0.5 %, 99 %
    expect(sum(shares)).toBe(100);
    expect(shares[2]).toBe(99);
  });

  it('give the leftover point to the largest remainder', () => {
    expect(percentages([2, 1])).toEqual([67, 33]);
    expect(percentages([12, 30])).toEqual([29, 71]);
  });

  it('keep an option without votes at 0', () => {
    expect(percentages([3, 0, 0])).toEqual([100, 0, 0]);
    expect(percentages([1, 2, 0, 0])).toEqual([33, 67, 0, 0]);
  });

  it('treat a negative or missing tally as no votes', () => {
    expect(percentages([-4, Number.NaN, 5])).toEqual([0, 0, 100]);
  });

  it('add up to 100 for many random tallies', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let run = 0; run < 200; run++) {
      const tallies = Array.from({ length: 2 + Math.floor(random() * 5) }, () => Math.floor(random() * 50));
      const shares = percentages(tallies);
      expect(sum(shares)).toBe(sum(tallies) === 0 ? 0 : 100);
      shares.forEach((share, i) => {
        expect(Math.abs(share - (tallies[i]! * 100) / Math.max(1, sum(tallies)))).toBeLessThan(1);
      });
    }
  });
});

describe('poll winners', () => {
  it('are the server’s when it named them', () => {
    expect(winnersOf({ tallies: [5, 9], winners: [1] })).toEqual([1]);
  });

  it('are every option with the top tally, ties included, when counted', () => {
    expect(winnersOf({ tallies: [4, 7, 7] })).toEqual([1, 2]);
  });

  it('are none when nobody voted', () => {
    expect(winnersOf({ tallies: [0, 0] })).toEqual([]);
  });

  it('are highlighted only once the poll is closed', () => {
    expect(pollView(poll({ tallies: [1, 5, 0], totalVotes: 6 }), { now: OPENS }).options.some((o) => o.winner)).toBe(false);
    const closed = pollView(poll({ tallies: [1, 5, 0], totalVotes: 6, closed: true, winners: [1] }), { now: OPENS });
    expect(closed.options.map((o) => o.winner)).toEqual([false, true, false]);
    expect(resultLine(closed)).toBe('Winner: Nuke');
  });

  it('read as a tie, or as no votes', () => {
    expect(resultLine(pollView(poll({ tallies: [2, 2, 1], closed: true, winners: [0, 1] }), { now: OPENS }))).toBe('Tie: Dust, Nuke');
    expect(resultLine(pollView(poll({ closed: true, winners: [] }), { now: OPENS }))).toBe('No votes');
  });
});

describe('poll countdown', () => {
  it('counts down to closesAt', () => {
    expect(remainingMs('2026-11-24T12:01:00+00:00', OPENS + 18_000)).toBe(42_000);
    expect(remainingMs('2026-11-24T12:01:00+00:00', OPENS + 90_000)).toBe(0);
    expect(remainingMs('not a time', OPENS)).toBe(0);
  });

  it('reads on the server’s clock when ours is off', () => {
    // Our clock is 5 s behind the server's: the server's now is ours + 5 s.
    expect(remainingMs('2026-11-24T12:01:00+00:00', OPENS + 18_000, 5_000)).toBe(37_000);
  });

  it('shows m:ss, rounding up to the whole second', () => {
    expect(formatCountdown(42_000)).toBe('0:42');
    expect(formatCountdown(41_001)).toBe('0:42');
    expect(formatCountdown(1_800_000)).toBe('30:00');
    expect(formatCountdown(65_000)).toBe('1:05');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-50)).toBe('0:00');
  });

  it('goes from open to closing at zero, and to closed only when the server says so', () => {
    const p = poll();
    expect(pollView(p, { now: OPENS + 30_000 })).toMatchObject({ phase: 'open', countdown: '0:30', timeLeft: 0.5 });
    expect(pollView(p, { now: OPENS + 61_000 })).toMatchObject({ phase: 'closing', countdown: '0:00', remainingMs: 0 });
    expect(pollView({ ...p, closed: true }, { now: OPENS + 1_000 })).toMatchObject({ phase: 'closed', remainingMs: 0 });
  });

  it('learns the server’s clock from live events, smoothing jitter and taking a jump whole', () => {
    const at = '2026-11-24T12:00:10+00:00';
    const sent = Date.parse(at);
    let offset = nextClockOffset(null, at, sent - 2_000); // the server is 2 s ahead
    expect(offset).toBe(2_000);
    offset = nextClockOffset(offset, at, sent - 2_400);
    expect(offset).toBe(2_100);
    expect(nextClockOffset(offset, at, sent + 60_000)).toBe(-60_000);
    expect(nextClockOffset(offset, 'garbage', sent)).toBe(2_100);
  });
});

describe('poll view', () => {
  it('marks the viewer’s own vote and counts the total', () => {
    const view = pollView(poll({ tallies: [12, 30, 0], totalVotes: 42 }), { now: OPENS, myVote: 1 });
    expect(view.total).toBe(42);
    expect(view.options.map((o) => [o.label, o.tally, o.percent, o.mine])).toEqual([
      ['Dust', 12, 29, false],
      ['Nuke', 30, 71, true],
      ['Mirage', 0, 0, false],
    ]);
  });

  it('never shows a total below the tallies’ sum', () => {
    expect(pollView(poll({ tallies: [2, 3, 0], totalVotes: 4 }), { now: OPENS }).total).toBe(5);
  });
});
