// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import { renderView } from '../../test/render';
import { followed, viewer } from './fixtures';
import { FollowButton } from './FollowButton';

afterEach(cleanup);

/** Clicks the button once it is enabled (it waits for my following list and for a change in flight). */
async function clickWhenEnabled(name: string) {
  await vi.waitFor(() => expect(screen.getByRole<HTMLButtonElement>('button', { name }).disabled).toBe(false));
  fireEvent.click(screen.getByRole('button', { name }));
}

describe('the follow button', () => {
  it('follows, then shows Following, and unfollows on a second click', async () => {
    const listFollowing = vi.fn().mockResolvedValueOnce([]).mockResolvedValue([followed('u_c', 'cleo', null)]);
    const follow = vi.fn(() => Promise.resolve({ creatorId: 'u_c', following: true, followers: 1 }));
    const unfollow = vi.fn(() => Promise.resolve({ creatorId: 'u_c', following: false, followers: 0 }));
    renderView(<FollowButton creatorId="u_c" creatorHandle="cleo" />, { api: { listFollowing, follow, unfollow }, session: viewer });

    await clickWhenEnabled('Follow cleo');
    const following = await screen.findByRole('button', { name: 'Following' });
    expect(following.getAttribute('aria-pressed')).toBe('true');
    expect(follow).toHaveBeenCalledWith('u_c');

    listFollowing.mockResolvedValue([]);
    await clickWhenEnabled('Following');
    expect(await screen.findByRole('button', { name: 'Follow cleo' })).toBeTruthy();
    expect(unfollow).toHaveBeenCalledWith('u_c');
  });

  it('says why a follow was refused', async () => {
    const listFollowing = () => Promise.resolve([]);
    const follow = () => Promise.reject(new ApiError(409, 'conflict', 'You follow 2000 creators already; unfollow one first.', {}, null));
    renderView(<FollowButton creatorId="u_c" creatorHandle="cleo" />, { api: { listFollowing, follow }, session: viewer });

    await clickWhenEnabled('Follow cleo');
    expect((await screen.findByRole('alert')).textContent).toContain('unfollow one first');
  });

  it('is not offered when signed out or on my own page', () => {
    const { unmount } = renderView(<FollowButton creatorId="u_c" creatorHandle="cleo" />);
    expect(screen.queryByTestId('follow-button')).toBeNull();
    unmount();
    renderView(<FollowButton creatorId="u_v" creatorHandle="viv" />, { api: { listFollowing: () => Promise.resolve([]) }, session: viewer });
    expect(screen.queryByTestId('follow-button')).toBeNull();
  });
});
