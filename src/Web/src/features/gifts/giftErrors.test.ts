import { describe, expect, it } from 'vitest';
import { LiveError } from '../../api/errors';
import { giftFailure } from './giftErrors';

describe('gift errors', () => {
  it('says "Not enough tokens", with the cost when known', () => {
    const error = new Error('HubException: insufficient_funds: The balance is below the cost.');
    expect(giftFailure(error).message).toBe('Not enough tokens.');
    expect(giftFailure(error, { cost: 500 })).toEqual({
      code: 'insufficient_funds',
      message: 'Not enough tokens: this gift costs 500.',
      canRetry: false,
    });
  });

  it('passes on the rate limit’s own sentence', () => {
    const failure = giftFailure(new Error('HubException: rate_limited: Slow down: try again in 2 s.'));
    expect(failure).toMatchObject({ code: 'rate_limited', message: 'Slow down: try again in 2 s.' });
  });

  it('explains not_live and forbidden', () => {
    expect(giftFailure(new Error('HubException: not_live: ')).message).toMatch(/live/);
    expect(giftFailure(new Error('HubException: forbidden: You cannot gift your own stream.')).message).toBe(
      'You cannot gift your own stream.',
    );
  });

  it('offers to send the same gift again after a lost connection', () => {
    expect(giftFailure(new LiveError('offline', undefined))).toMatchObject({ code: 'offline', canRetry: true });
  });
});
