// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProfileChangeRequest, PublicProfile } from '../../api/contract';
import { ApiError } from '../../api/errors';
import type { Session } from '../auth/sessionStorage';
import { renderView } from '../../test/render';
import { ProfileEditPage } from './ProfileEditPage';

const session = { accessToken: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u_1', handle: 'ada', role: 'viewer' } } as Session;
const stored: PublicProfile = {
  follows: { followers: 0, following: 0 },
  id: 'u_1',
  handle: 'ada',
  role: 'viewer',
  createdAt: '2026-11-24T12:00:00+00:00',
  displayName: 'Ada',
  bio: null,
  avatarUrl: '/api/users/u_1/avatar?v=2',
  links: [],
};

function renderPage(update: (change: ProfileChangeRequest) => Promise<PublicProfile>) {
  const updateMyProfile = vi.fn(update);
  renderView(<ProfileEditPage />, { session, path: '/me/profile', api: { getProfile: () => Promise.resolve(stored), updateMyProfile } });
  return updateMyProfile;
}

afterEach(cleanup);

describe('the profile editor', () => {
  it('refuses a link that is not https in the server’s words, and sends nothing', async () => {
    const update = renderPage(() => Promise.resolve(stored));
    fireEvent.click(await screen.findByTestId('profile-add-link'));
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'Site' } });
    fireEvent.change(screen.getByLabelText('Address (https://…)'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByTestId('profile-save'));

    expect(await screen.findByText(/An https:\/\/ address/)).toBeTruthy();
    expect(update).not.toHaveBeenCalled();
  });

  it('sends the edit with the uploaded picture kept, and shows the server’s field errors in place', async () => {
    const refused = new ApiError(400, 'invalid_input', 'Invalid.', { bio: ['A bio is at most 300 characters.'] }, null);
    const update = renderPage(() => Promise.reject(refused));
    fireEvent.change(await screen.findByTestId('profile-bio-input'), { target: { value: ' Streams maths. ' } });
    fireEvent.click(screen.getByTestId('profile-save'));

    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0]![0]).toEqual({ displayName: 'Ada', bio: 'Streams maths.', avatarUrl: null, links: [] });
    expect(await screen.findByText('A bio is at most 300 characters.')).toBeTruthy();
  });
});
