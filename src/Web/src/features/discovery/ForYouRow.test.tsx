// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderView } from '../../test/render';
import { recommendation, viewer } from './fixtures';
import { FOR_YOU_LIMIT, ForYouRow } from './ForYouRow';

afterEach(cleanup);

describe('the For you row', () => {
  it('shows each recommended stream with its reasons, in the order the server ranked them', async () => {
    const getRecommendations = vi.fn(() =>
      Promise.resolve({
        coldStart: false,
        items: [
          recommendation('s_a', 'Synthwave all night', [{ kind: 'watched-before' as const, text: 'You often watch host_s_a', subjectId: 'u_s_a' }]),
          recommendation('s_b', 'Modular patching', [{ kind: 'co-watched' as const, text: 'Because you watched host_s_a', subjectId: 'u_s_a' }]),
        ],
      }),
    );
    renderView(<ForYouRow />, { api: { getRecommendations }, session: viewer });

    expect(await screen.findByText('Synthwave all night')).toBeTruthy();
    const cards = screen.getAllByTestId('recommendation-card');
    expect(cards.map((c) => c.getAttribute('data-stream-id'))).toEqual(['s_a', 's_b']);
    expect(cards.at(0)?.getAttribute('href')).toBe('/watch/s_a');
    expect(screen.getByText('Because you watched host_s_a')).toBeTruthy();
    expect(screen.getByText('Picked from what you watch')).toBeTruthy();
    expect(getRecommendations).toHaveBeenCalledWith(FOR_YOU_LIMIT, expect.anything());
  });

  it('says it shows what is trending when the server knows nothing of the viewer yet', async () => {
    const getRecommendations = () =>
      Promise.resolve({ coldStart: true, items: [recommendation('s_t', 'Big tournament', [{ kind: 'trending' as const, text: 'Popular in music', subjectId: 'music' }])] });
    renderView(<ForYouRow />, { api: { getRecommendations } });

    expect(await screen.findByText('Trending now')).toBeTruthy();
    expect(screen.getByText('Popular in music')).toBeTruthy();
  });

  it('is not there when nothing is live', async () => {
    const getRecommendations = vi.fn(() => Promise.resolve({ coldStart: true, items: [] }));
    renderView(<ForYouRow />, { api: { getRecommendations } });

    await vi.waitFor(() => expect(getRecommendations).toHaveBeenCalled());
    await vi.waitFor(() => expect(screen.queryByTestId('for-you')).toBeNull());
  });
});
