import { toLiveError } from '../../../api/errors';

/** What the "Mark moment" control says when `moment:mark` failed. */
export function markFailure(error: unknown): string {
  const live = toLiveError(error);
  switch (live.code) {
    case 'rate_limited':
      return live.message; // "Slow down. One marked moment every 30 s."
    case 'forbidden':
      return 'Sign in to mark moments.';
    case 'unauthorized':
      return 'Your session has ended. Sign in again.';
    case 'invalid_input':
      return live.sentence?.trim() || 'A note is at most 120 characters.';
    case 'not_found':
      return 'This stream does not exist (any more).';
    case 'offline':
      return 'You are offline. Try again once reconnected.';
    default:
      return live.message;
  }
}
