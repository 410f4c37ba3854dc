import { toLiveError, type ClientErrorCode } from '../../../api/errors';

export type QaCall = 'ask' | 'upvote' | 'mark';

export interface QaFailure {
  code: ClientErrorCode;
  message: string;
  /** The server says this user upvoted the question already: show it as upvoted. */
  alreadyUpvoted: boolean;
}

/** What the Q&A panel says when `qa:ask`, `qa:upvote` or `qa:mark` failed. */
export function qaFailure(error: unknown, call: QaCall): QaFailure {
  const live = toLiveError(error);
  const said = live.sentence?.trim();
  const fail = (message: string, alreadyUpvoted = false): QaFailure => ({ code: live.code, message, alreadyUpvoted });

  switch (live.code) {
    case 'conflict':
      if (call === 'upvote') {
        // Also the answer for a question that was marked meanwhile ("Only open questions take upvotes.").
        return said && /open questions/i.test(said) ? fail('This question is no longer open.') : fail('You already upvoted this question.', true);
      }
      return fail(said || 'This stream has as many questions as it can take.');
    case 'rate_limited':
      return fail(live.message); // "Slow down. One question every 10 s; try again in 7 s."
    case 'not_live':
      return fail('Questions are open while the stream is live.');
    case 'not_found':
      return fail(call === 'ask' ? 'This stream does not exist (any more).' : 'That question is gone.');
    case 'forbidden':
      return fail(call === 'mark' ? 'Only the stream’s creator (or an admin) marks questions.' : 'Sign in first.');
    case 'unauthorized':
      return fail('Your session has ended. Sign in again.');
    case 'invalid_input':
      return fail(said || 'Check the question and try again.');
    case 'offline':
      return fail(
        call === 'ask'
          ? 'You are offline: the question may not have been sent. Try again once reconnected.'
          : 'You are offline. Try again once reconnected.',
      );
    default:
      return fail(live.message);
  }
}
