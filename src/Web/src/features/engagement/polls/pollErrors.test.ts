import { describe, expect, it } from 'vitest';
import { LiveError } from '../../../api/errors';
import { pollFailure } from './pollErrors';

const hub = (text: string) => new Error(`An unexpected error occurred invoking 'poll:vote' on the server. HubException: ${text}`);

describe('what a failed poll call says', () => {
  it('a second vote: "You already voted", and the results are shown', () => {
    expect(pollFailure(hub('conflict: You voted in this poll already.'), 'vote')).toEqual({
      code: 'conflict',
      message: 'You already voted',
      alreadyVoted: true,
    });
  });

  it('a new poll while one is open: close it first', () => {
    const failure = pollFailure(hub('conflict: A poll is open already.'), 'create');
    expect(failure.alreadyVoted).toBe(false);
    expect(failure.message).toMatch(/open already/);
  });

  it('a vote in a poll that closed', () => {
    expect(pollFailure(hub('not_found: That poll is not open.'), 'vote').message).toBe('This poll has closed.');
  });

  it('a bad poll: the server’s own sentence', () => {
    expect(pollFailure(hub('invalid_input: A question is 1–200 characters.'), 'create').message).toBe('A question is 1–200 characters.');
  });

  it('offline: the vote may or may not have counted', () => {
    expect(pollFailure(new LiveError('offline', undefined), 'vote').message).toMatch(/may not have been counted/);
  });
});
