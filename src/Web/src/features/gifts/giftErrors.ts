import { LiveError, toLiveError } from '../../api/errors';

/** What the gift bar says when a gift was not sent. `canRetry`: the same gift (same key) may be sent again. */
export interface GiftFailure {
  code: LiveError['code'];
  message: string;
  canRetry: boolean;
}

/** Words for the gift bar from a failed `gift:send`. */
export function giftFailure(error: unknown, context: { cost?: number } = {}): GiftFailure {
  const live = toLiveError(error);
  switch (live.code) {
    case 'insufficient_funds': {
      // The cost only: the balance the page shows may be older than the server's (it is refreshed right after).
      const detail = context.cost !== undefined ? `: this gift costs ${context.cost}.` : '.';
      return { code: live.code, message: `Not enough tokens${detail}`, canRetry: false };
    }
    case 'rate_limited':
      return { code: live.code, message: live.message, canRetry: false };
    case 'not_live':
      return { code: live.code, message: 'Gifts can be sent only while the stream is live.', canRetry: false };
    case 'forbidden':
      return { code: live.code, message: live.sentence?.trim() || 'You cannot send gifts here.', canRetry: false };
    case 'unauthorized':
      return { code: live.code, message: 'Your session has ended. Sign in again to send gifts.', canRetry: false };
    case 'invalid_input':
      return { code: live.code, message: live.sentence?.trim() || 'That gift cannot be sent. Pick another one.', canRetry: false };
    case 'offline':
      return {
        code: live.code,
        message: 'The connection dropped before the gift was confirmed. Trying again cannot charge you twice.',
        canRetry: true,
      };
    case 'unavailable':
      return { code: live.code, message: live.message, canRetry: true };
    default:
      return { code: live.code, message: live.message, canRetry: false };
  }
}
