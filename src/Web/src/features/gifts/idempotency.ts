/** Keys the server accepts: 8–64 of `[A-Za-z0-9_-]`. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * A fresh idempotency key for one user action: a random UUID stripped to `[A-Za-z0-9_-]` (36 characters).
 * `crypto.randomUUID` exists only in secure contexts (https, localhost); elsewhere 16 random bytes do the same.
 */
export function newIdempotencyKey(source: Pick<Crypto, 'getRandomValues'> & Partial<Pick<Crypto, 'randomUUID'>> = crypto): string {
  if (typeof source.randomUUID === 'function') {
    return source.randomUUID().replace(/[^A-Za-z0-9_-]/g, '');
  }
  const bytes = source.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
