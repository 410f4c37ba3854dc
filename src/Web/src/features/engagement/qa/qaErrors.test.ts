import { describe, expect, it } from 'vitest';
import { LiveError } from '../../../api/errors';
import { qaFailure } from './qaErrors';

const hub = (message: string) => new Error(`An unexpected error occurred invoking 'x' on the server. HubException: ${message}`);

describe('what the Q&A panel says', () => {
  it('shows the rate limit with the server’s wait', () => {
    const failure = qaFailure(hub('rate_limited: One question every 10 s; try again in 7 s.'), 'ask');
    expect(failure.code).toBe('rate_limited');
    expect(failure.message).toContain('try again in 7 s');
  });

  it('turns a second upvote into "already upvoted"', () => {
    const failure = qaFailure(hub('conflict: You upvoted this question already.'), 'upvote');
    expect(failure.message).toMatch(/already upvoted/);
    expect(failure.alreadyUpvoted).toBe(true);
  });

  it('tells an upvote on a marked question apart', () => {
    const failure = qaFailure(hub('conflict: Only open questions take upvotes.'), 'upvote');
    expect(failure.alreadyUpvoted).toBe(false);
    expect(failure.message).toMatch(/no longer open/);
  });

  it('explains not live, forbidden marks and offline asks', () => {
    expect(qaFailure(hub('not_live: Questions are open while the stream is live.'), 'ask').message).toMatch(/live/);
    expect(qaFailure(hub('forbidden: Only the stream’s creator marks questions.'), 'mark').message).toMatch(/creator/);
    expect(qaFailure(new LiveError('offline', undefined), 'ask').message).toMatch(/offline/);
  });
});
