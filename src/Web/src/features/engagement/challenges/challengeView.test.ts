import { describe, expect, it } from 'vitest';
import type { Challenge } from '../../../api/contract';
import { challengeView } from './challengeView';

const now = Date.parse('2026-11-24T12:00:00Z');

function ch(over: Partial<Challenge> = {}): Challenge {
  return {
    challengeId: 'ch_1',
    kind: 'gift-tokens',
    target: 5000,
    progress: 3120,
    startsAt: '2026-11-24T11:58:00Z',
    endsAt: '2026-11-24T12:03:05Z',
    status: 'running',
    rewardAction: null,
    ...over,
  };
}

describe('the challenge bar', () => {
  it('shows progress/target, the fill and the time left', () => {
    const view = challengeView(ch(), now);
    expect(view.progressText).toBe('3120/5000');
    expect(view.percent).toBe(62);
    expect(view.countdown).toBe('3:05');
    expect(view.phase).toBe('running');
    expect(view.label).toBe('Gift tokens');
    expect(view.status).toBe('1880 more tokens gifted to go');
  });

  it('caps the fill at the target and counts on the server clock', () => {
    expect(challengeView(ch({ progress: 9000 }), now).fraction).toBe(1);
    expect(challengeView(ch(), now, 60_000).countdown).toBe('2:05');
  });

  it('is ending when our clock says the time is up before the server does', () => {
    const view = challengeView(ch(), Date.parse('2026-11-24T12:04:00Z'));
    expect(view.phase).toBe('ending');
    expect(view.countdown).toBe('0:00');
  });

  it('shows the end', () => {
    const done = challengeView(ch({ status: 'completed', progress: 5000 }), now);
    expect(done.phase).toBe('completed');
    expect(done.fraction).toBe(1);
    expect(done.status).toMatch(/complete/);
    const failed = challengeView(ch({ status: 'failed', kind: 'reactions', progress: 120, target: 200 }), now);
    expect(failed.phase).toBe('failed');
    expect(failed.progressText).toBe('120/200');
    expect(failed.status).toBe('Time’s up: 120 of 200 reactions.');
  });
});
