import { useQuery } from '@tanstack/react-query';
import { useSession } from '../auth/sessionContext';

/** Whether this server has live video (LiveKit), read once per page load: it changes only with a restart. */
export function useMediaConfig() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['media', 'config'] as const,
    queryFn: ({ signal }) => api.mediaConfig(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
