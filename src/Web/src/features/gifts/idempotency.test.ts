import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY, newIdempotencyKey } from './idempotency';

describe('idempotency keys', () => {
  it('are a UUID stripped to the characters the server accepts', () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(IDEMPOTENCY_KEY);
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('keep only [A-Za-z0-9_-] of whatever randomUUID gives', () => {
    const key = newIdempotencyKey({ getRandomValues: crypto.getRandomValues.bind(crypto), randomUUID: () => '{1234-abcd.EF}' as `${string}-${string}-${string}-${string}-${string}` });
    expect(key).toBe('1234-abcdEF');
  });

  it('are fresh every time', () => {
    const keys = new Set(Array.from({ length: 100 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(100);
  });

  it('come from random bytes where randomUUID is missing (pages not served over https)', () => {
    const key = newIdempotencyKey({ getRandomValues: crypto.getRandomValues.bind(crypto) });
    expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});
