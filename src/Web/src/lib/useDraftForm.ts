import { useState } from 'react';
import { useForm, useWatch, type DefaultValues, type FieldValues, type Path, type PathValue } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '../api/errors';
import { fieldErrorMap, fieldErrorResolver, fromFormErrors, NO_FIELD_ERRORS, type FieldErrors } from '../features/studio/commandForm';
import { errorMessage, useSubmit } from './useSubmit';

/**
 * A studio editor saved in one request, on react-hook-form: the draft the inputs hold, checked by `schema` (whose
 * output is the request and whose issues are keyed like the server's fields, `widgets[1].text`), so that the
 * client's checks and the server's answer (an `ApiError`'s `fieldErrors`) show in the same places; anything else
 * is the general error. `initial` is read once: later reads do not overwrite what is being edited.
 */
export function useDraftForm<Draft extends FieldValues, Request>(schema: z.ZodType<Request, Draft>, initial: Draft) {
  const form = useForm<Draft, unknown, Request>({
    resolver: fieldErrorResolver(schema),
    defaultValues: initial as DefaultValues<Draft>,
  });
  const { handleSubmit, getValues, setValue, reset, clearErrors, trigger, formState, control } = form;
  const draft = useWatch({ control }) as Draft;
  const [serverErrors, setServerErrors] = useState<FieldErrors>(NO_FIELD_ERRORS);
  const errors: FieldErrors = serverErrors.size > 0 ? serverErrors : fromFormErrors(formState.errors);
  const [generalError, setGeneralError] = useState<string | null>(null);
  const { busy: saving, run } = useSubmit();
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [dirty, setDirty] = useState(false);

  /**
   * Changes the draft. A structural change (a row added, removed or moved) clears the errors, which are keyed by
   * row index; otherwise, once a save was tried, the whole form is checked again (its errors are flat keys).
   */
  function edit(change: (draft: Draft) => Draft, structural = false) {
    const current = getValues();
    const next = change(current);
    for (const name of Object.keys(next) as Path<Draft>[]) {
      const value = next[name as keyof Draft];
      if (value !== current[name as keyof Draft]) {
        setValue(name, value as PathValue<Draft, Path<Draft>>);
      }
    }
    if (structural) {
      clearErrors();
    } else if (formState.isSubmitted) {
      void trigger();
    }
    setDirty(true);
    setSavedAt(null);
    setServerErrors(NO_FIELD_ERRORS);
    setGeneralError(null);
  }

  /** Checks the draft and, when it passes, sends the request with `put`; what `put` resolves to (if any) becomes the draft. */
  function save(put: (request: Request) => Promise<Draft | null>) {
    return handleSubmit(async (request) => {
      setGeneralError(null);
      setServerErrors(NO_FIELD_ERRORS);
      await run(
        async () => {
          const stored = await put(request);
          if (stored) {
            reset(stored);
          }
          setDirty(false);
          setSavedAt(Date.now());
        },
        (error) => {
          if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
            setServerErrors(fieldErrorMap(error.fieldErrors));
          } else {
            setGeneralError(errorMessage(error));
          }
        },
      );
    })();
  }

  return { draft, edit, errors, generalError, saving, savedAt, dirty, save };
}
