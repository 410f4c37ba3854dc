import { useCallback, useState } from 'react';
import { ApiError } from '../api/errors';
import { fieldErrorMap, NO_FIELD_ERRORS, type FieldErrors } from '../features/studio/commandForm';
import { errorMessage, useSubmit } from './useSubmit';

export { NO_FIELD_ERRORS };

/**
 * A form saved in one request: field errors (the form's own, or an `ApiError`'s `fieldErrors`), a general error for
 * anything else, and a saving flag.
 */
export function useFieldErrorForm() {
  const [errors, setErrors] = useState<FieldErrors>(NO_FIELD_ERRORS);
  const [generalError, setGeneralError] = useState<string | null>(null);
  const { busy: saving, run } = useSubmit();

  /** Shows `localErrors`; when there are none, runs `action`, mapping what it throws onto the fields or the general error. */
  const save = useCallback(
    async (localErrors: FieldErrors, action: () => Promise<void>) => {
      setGeneralError(null);
      setErrors(localErrors);
      if (localErrors.size > 0) {
        return;
      }
      await run(action, (error) => {
        if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
          setErrors(fieldErrorMap(error.fieldErrors));
        } else {
          setGeneralError(errorMessage(error));
        }
      });
    },
    [run],
  );

  return { errors, setErrors, generalError, setGeneralError, saving, save };
}
