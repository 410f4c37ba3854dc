import { toLiveError, type ClientErrorCode } from '../../../api/errors';

export type PollCall = 'vote' | 'create' | 'close';

export interface PollFailure {
  code: ClientErrorCode;
  message: string;
  /** The server says this user has voted in the poll already: show the results. */
  alreadyVoted: boolean;
}

/** What the poll widget or the "Start a poll" form says when `poll:vote`, `poll:create` or `poll:close` failed. */
export function pollFailure(error: unknown, call: PollCall): PollFailure {
  const live = toLiveError(error);
  const said = live.sentence?.trim();
  const fail = (message: string, alreadyVoted = false): PollFailure => ({ code: live.code, message, alreadyVoted });

  switch (live.code) {
    case 'conflict':
      return call === 'vote' ? fail('You already voted', true) : fail('A poll is open already: close it first.');
    case 'not_found':
      return fail(call === 'create' ? 'This stream does not exist (any more).' : 'This poll has closed.');
    case 'not_live':
      return fail('Polls run while the stream is live.');
    case 'forbidden':
      return fail(call === 'vote' ? 'Sign in to vote.' : 'Only the stream’s creator (or an admin) runs its polls.');
    case 'unauthorized':
      return fail('Your session has ended. Sign in again.');
    case 'invalid_input':
      return fail(said || (call === 'vote' ? 'That option is not in this poll.' : 'Check the question, the options and the duration.'));
    case 'offline':
      return fail(
        call === 'vote'
          ? 'You are offline: the vote may not have been counted. Try again once reconnected.'
          : 'You are offline. Try again once reconnected.',
      );
    default:
      return fail(live.message);
  }
}
