import { queryErrorMessage } from '../../api/queries';
import { useSession } from '../auth/sessionContext';
import { useFollowToggle, useFollowing } from './useFollowing';

/** Follow / Following for a creator (hidden when signed out or on my own page). */
export function FollowButton({ creatorId, creatorHandle }: { creatorId: string; creatorHandle: string }) {
  const { session } = useSession();
  const following = useFollowing();
  const toggle = useFollowToggle(creatorId, creatorHandle);
  if (!session || session.user.id === creatorId) {
    return null;
  }

  const isFollowing = following.data?.some((f) => f.creatorId === creatorId) ?? false;
  const error = queryErrorMessage(toggle.error, 'Could not change the follow.');
  return (
    <span className="follow">
      <button
        type="button"
        className={`button ${isFollowing ? 'button--ghost' : 'button--primary'}`}
        data-testid="follow-button"
        aria-pressed={isFollowing}
        disabled={toggle.isPending || following.isPending}
        onClick={() => toggle.mutate(!isFollowing)}
      >
        {isFollowing ? 'Following' : `Follow ${creatorHandle}`}
      </button>
      {error && (
        <span className="notice notice--error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
