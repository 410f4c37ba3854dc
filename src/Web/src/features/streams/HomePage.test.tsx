// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Stream } from '../../api/contract';
import { ApiError } from '../../api/errors';
import { renderView } from '../../test/render';
import { HomePage } from './HomePage';

const live: Stream = {
  id: 's_1',
  title: 'Speedrun night',
  category: 'gaming',
  creatorId: 'u_1',
  creatorHandle: 'ada',
  status: 'live',
  createdAt: '2026-11-24T12:00:00+00:00',
  startedAt: '2026-11-24T12:01:00+00:00',
  endedAt: null,
  archivedAt: null,
  slowModeSeconds: 0,
  viewerCount: 12,
};

const noRecommendations = () => Promise.resolve({ items: [], coldStart: true });

afterEach(cleanup);

describe('the home page', () => {
  it('lists the live streams the server sends', async () => {
    const listStreams = vi.fn(() => Promise.resolve([live]));
    renderView(<HomePage />, { api: { listStreams, getRecommendations: noRecommendations } });

    expect(await screen.findByText('Speedrun night')).toBeTruthy();
    expect(screen.getAllByTestId('stream-card')).toHaveLength(1);
    expect(listStreams).toHaveBeenCalledWith('live', expect.anything());
  });

  it('says what failed and loads again on Retry', async () => {
    const listStreams = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(503, 'unavailable', 'The service is busy.', {}, null))
      .mockResolvedValueOnce([live]);
    renderView(<HomePage />, { api: { listStreams, getRecommendations: noRecommendations } });

    expect(await screen.findByText('The service is busy.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /retry|try again/i }));
    expect(await screen.findByText('Speedrun night')).toBeTruthy();
  });
});
