import { useCallback, useState } from 'react';

/** A busy flag around an async action: set while it runs, cleared however it ends; a failure goes to `onError`. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (action: () => Promise<unknown>, onError: (caught: unknown) => void) => {
    setBusy(true);
    try {
      await action();
    } catch (caught) {
      onError(caught);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, run };
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
