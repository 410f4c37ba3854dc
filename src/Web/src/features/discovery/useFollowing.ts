import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FollowChange, FollowingCreator } from '../../api/contract';
import { queryKeys } from '../../api/queries';
import { useSession } from '../auth/sessionContext';

/** The creators I follow (empty when signed out), refreshed as go-lives arrive. */
export function useFollowing() {
  const { session, api } = useSession();
  const userId = session?.user.id ?? null;
  return useQuery({
    queryKey: queryKeys.following(userId),
    queryFn: ({ signal }) => api.listFollowing(signal),
    enabled: userId !== null,
  });
}

/** Follows or unfollows a creator; the answer updates my following list and the creator's follower count at once. */
export function useFollowToggle(creatorId: string, creatorHandle: string) {
  const { session, api } = useSession();
  const queryClient = useQueryClient();
  const userId = session?.user.id ?? null;
  return useMutation({
    mutationFn: (follow: boolean) => (follow ? api.follow(creatorId) : api.unfollow(creatorId)),
    onSuccess: (change: FollowChange) => {
      queryClient.setQueryData<FollowingCreator[]>(queryKeys.following(userId), (list) => {
        if (!list) {
          return list;
        }
        const others = list.filter((f) => f.creatorId !== creatorId);
        return change.following
          ? [{ creatorId, creatorHandle, since: new Date().toISOString(), followers: change.followers, live: false, liveStreams: [] }, ...others]
          : others;
      });
      // The list's live streams and the profile's counts come from the server.
      void queryClient.invalidateQueries({ queryKey: queryKeys.following(userId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.profile(creatorId) });
    },
  });
}
