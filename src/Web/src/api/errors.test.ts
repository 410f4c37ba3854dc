import { describe, expect, it } from 'vitest';
import { ApiError, LiveError, problemToError, toLiveError } from './errors';

describe('hub errors', () => {
  it('reads the stable code and the sentence out of a HubException message', () => {
    const error = toLiveError(
      new Error("An unexpected error occurred invoking 'chat:message' on the server. HubException: rate_limited: Slow down: try again in 2 s."),
    );

    expect(error).toBeInstanceOf(LiveError);
    expect(error.code).toBe('rate_limited');
    expect(error.sentence).toBe('Slow down: try again in 2 s.');
    expect(error.message).toBe('Slow down: try again in 2 s.');
    expect(error.retryable).toBe(true);
  });

  it('says "Slow down" for a rate limit whose sentence does not', () => {
    const error = toLiveError(new Error('HubException: rate_limited: Slow mode is on: one message per 10 s.'));
    expect(error.message).toBe('Slow down. Slow mode is on: one message per 10 s.');
  });

  it('falls back to a friendly sentence for a code without one, and to unknown for anything else', () => {
    expect(toLiveError(new Error('HubException: not_live: ')).message).toBe('The stream is not live.');
    expect(toLiveError(new Error('Invocation canceled due to the underlying connection being closed.')).code).toBe('unknown');
    expect(toLiveError(new Error('HubException: made_up: what')).code).toBe('unknown');
  });
});

describe('problem+json errors', () => {
  it('turns validation errors into field messages, keyed in camelCase', () => {
    const error = problemToError(400, {
      type: 'https://livestreamx.dev/errors/invalid_input',
      title: 'One or more validation errors occurred.',
      status: 400,
      errors: { Handle: ["A handle is 3–24 characters of letters, digits and '_'."], role: ['Pick viewer or creator.'] },
    });

    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('invalid_input');
    expect(error.field('handle')).toBe("A handle is 3–24 characters of letters, digits and '_'.");
    expect(error.field('role')).toBe('Pick viewer or creator.');
    expect(error.message).toContain('A handle is 3–24 characters');
  });

  it('takes the code from `code`, else from the end of `type`, else from the status', () => {
    expect(problemToError(409, { code: 'invalid_transition', title: 'Conflict' }).code).toBe('invalid_transition');
    expect(problemToError(409, { type: 'https://livestreamx.dev/errors/conflict', detail: 'The handle is taken.' })).toMatchObject({
      code: 'conflict',
      message: 'The handle is taken.',
    });
    expect(problemToError(404, null).code).toBe('not_found');
    expect(problemToError(418, null).code).toBe('unknown');
  });
});

describe('gift and nested-field errors', () => {
  it('reads insufficient_funds from the hub and from a 402', () => {
    expect(toLiveError(new Error('HubException: insufficient_funds: The balance is too low.')).code).toBe('insufficient_funds');
    expect(problemToError(402, null)).toMatchObject({ code: 'insufficient_funds', message: 'Not enough tokens.' });
    expect(toLiveError(new Error('HubException: insufficient_funds: x')).retryable).toBe(false);
  });

  it('camel-cases every segment of a nested field key', () => {
    const error = problemToError(400, { errors: { 'Mappings[0].Params.Color': ['Use #rrggbb.'], 'mappings[1].giftCode': ['Unknown gift.'] } });
    expect(error.field('mappings[0].params.color')).toBe('Use #rrggbb.');
    expect(error.field('mappings[1].giftCode')).toBe('Unknown gift.');
  });
});
