import { useQuery } from '@tanstack/react-query';
import type { CommandSpec } from '../../api/contract';
import { queryErrorMessage, queryKeys } from '../../api/queries';
import { useSession } from '../auth/sessionContext';
import { readCommandSpecs } from './commandForm';

/** The whitelisted overlay actions with their parameter schemas (`GET /api/commands`), shared and kept a minute. */
export function useCommandSpecs(): { specs: CommandSpec[] | null; error: string | null } {
  const { api } = useSession();
  const query = useQuery({
    queryKey: queryKeys.commands(),
    queryFn: ({ signal }) => api.listCommands(signal),
    select: readCommandSpecs,
    staleTime: 60_000,
  });
  return { specs: query.data ?? null, error: query.data === undefined ? queryErrorMessage(query.error, 'Could not load the actions.') : null };
}
