import { toLiveError, type ClientErrorCode } from '../../../api/errors';
import type { FieldErrors } from '../../studio/commandForm';
import { hubFieldErrors } from './challengeForm';

export interface ChallengeFailure {
  code: ClientErrorCode;
  /** For the form's error line; empty when every problem has a field. */
  message: string;
  fields: FieldErrors;
}

/** What the "Start a challenge" form says when `challenge:start` failed. */
export function challengeFailure(error: unknown): ChallengeFailure {
  const live = toLiveError(error);
  const fail = (message: string, fields: FieldErrors = new Map()): ChallengeFailure => ({ code: live.code, message, fields });
  switch (live.code) {
    case 'conflict':
      return fail('A challenge is running already: let it finish first.');
    case 'not_live':
      return fail('Challenges run while the stream is live.');
    case 'forbidden':
      return fail('Only the stream’s creator (or an admin) starts its challenges.');
    case 'unauthorized':
      return fail('Your session has ended. Sign in again.');
    case 'invalid_input': {
      const fields = hubFieldErrors(live.sentence);
      return fields.size > 0 ? fail('', fields) : fail(live.sentence?.trim() || 'Check the challenge and try again.');
    }
    case 'offline':
      return fail('You are offline. Try again once reconnected.');
    default:
      return fail(live.message);
  }
}
