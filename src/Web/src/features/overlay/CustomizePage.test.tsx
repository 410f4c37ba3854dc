// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OverlayLayout, Stream, WireOverlayLayout } from '../../api/contract';
import { ApiError } from '../../api/errors';
import type { Session } from '../auth/sessionStorage';
import { renderView } from '../../test/render';
import { CustomizePage } from './CustomizePage';
import { LAYOUT_MESSAGES } from './layoutForm';

const session = { accessToken: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u_1', role: 'creator' } } as Session;
const stream = { id: 's_1', creatorId: 'u_1', creatorHandle: 'ada', title: 'Speedrun', status: 'live' } as Stream;
const stored = { theme: { preset: 'default', accent: null, accent2: null }, videoFilter: 'none', background: null, widgets: [] } as WireOverlayLayout;

function renderPage(putOverlay: (id: string, layout: OverlayLayout) => Promise<WireOverlayLayout>) {
  const put = vi.fn(putOverlay);
  renderView(
    <Routes>
      <Route path="/studio/streams/:streamId/customize" element={<CustomizePage />} />
    </Routes>,
    {
      session,
      path: '/studio/streams/s_1/customize',
      api: { getStream: () => Promise.resolve(stream), getOverlay: () => Promise.resolve(stored), putOverlay: put },
    },
  );
  return put;
}

afterEach(cleanup);

describe('the customization editor', () => {
  it('shows the server’s words under an accent it would refuse, and sends nothing', async () => {
    const put = renderPage(() => Promise.resolve(stored));
    fireEvent.change(await screen.findByTestId('customize-accent'), { target: { value: 'pink' } });
    fireEvent.click(screen.getByTestId('customize-save'));

    expect(await screen.findByText(LAYOUT_MESSAGES.color)).toBeTruthy();
    expect(put).not.toHaveBeenCalled();
  });

  it('saves the layout the schema makes of the inputs, and shows the server’s field errors in place', async () => {
    const refused = new ApiError(400, 'validation_failed' as never, 'Invalid.', { 'theme.accent': ['A colour is #rrggbb.'] }, null);
    const put = renderPage(() => Promise.reject(refused));
    fireEvent.change(await screen.findByTestId('customize-accent'), { target: { value: ' #FF3D71 ' } });
    fireEvent.click(screen.getByTestId('customize-save'));

    await waitFor(() => expect(put).toHaveBeenCalled());
    expect(put.mock.calls[0]![1].theme).toEqual({ preset: 'default', accent: '#FF3D71', accent2: null });
    expect((await screen.findByText('A colour is #rrggbb.')).getAttribute('data-testid')).toBe('customize-error');
  });
});
