import { useEffect, useState } from 'react';
import type { CommandSpec } from '../../api/contract';
import { useSession } from '../auth/sessionContext';
import { readCommandSpecs } from './commandForm';

/** The whitelisted overlay actions with their parameter schemas (`GET /api/commands`), loaded once per mount. */
export function useCommandSpecs(): { specs: CommandSpec[] | null; error: string | null } {
  const { api } = useSession();
  const [specs, setSpecs] = useState<CommandSpec[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api.listCommands(controller.signal).then(
      (raw) => {
        setSpecs(readCommandSpecs(raw));
        setError(null);
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) {
          setError(caught instanceof Error ? caught.message : String(caught));
        }
      },
    );
    return () => controller.abort();
  }, [api]);
  return { specs, error };
}
