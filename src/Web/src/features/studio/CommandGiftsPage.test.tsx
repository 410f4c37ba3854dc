// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandGiftsConfig, CommandGiftsView, Gift, Stream } from '../../api/contract';
import { ApiError } from '../../api/errors';
import type { Session } from '../auth/sessionStorage';
import { renderView } from '../../test/render';
import { CommandGiftsPage } from './CommandGiftsPage';

const session = { accessToken: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u_1', role: 'creator' } } as Session;
const stream = { id: 's_1', creatorId: 'u_1', creatorHandle: 'ada', title: 'Speedrun', status: 'live' } as Stream;
const gifts = [
  { code: 'rocket', name: 'Rocket', tokenCost: 10, active: true },
  { code: 'bell', name: 'Bell', tokenCost: 1, active: true },
] as Gift[];
const commands = [
  {
    action: 'confetti',
    params: [
      { name: 'color', type: 'color', required: false },
      { name: 'intensity', type: 'int', required: false, min: 1, max: 5 },
    ],
  },
];
const stored: CommandGiftsView = { mappings: [{ giftCode: 'rocket', action: 'confetti', params: { intensity: 3 } }], cooldowns: {} };

function renderPage(putCommandGifts: (id: string, config: CommandGiftsConfig) => Promise<CommandGiftsView | null>) {
  const put = vi.fn(putCommandGifts);
  renderView(
    <Routes>
      <Route path="/studio/streams/:streamId/commands" element={<CommandGiftsPage />} />
    </Routes>,
    {
      session,
      path: '/studio/streams/s_1/commands',
      api: {
        getStream: () => Promise.resolve(stream),
        listGifts: () => Promise.resolve(gifts),
        listCommands: () => Promise.resolve(commands),
        getCommandGifts: () => Promise.resolve(stored),
        putCommandGifts: put,
      },
    },
  );
  return put;
}

afterEach(cleanup);

describe('the command-gifts editor', () => {
  it('shows the server’s words under a parameter it would refuse, and sends nothing', async () => {
    const put = renderPage(() => Promise.resolve(stored));
    fireEvent.change(await screen.findByTestId('command-param-color'), { target: { value: 'pink' } });
    fireEvent.click(screen.getByTestId('command-save'));

    expect(await screen.findByText('A colour is #rrggbb.')).toBeTruthy();
    expect(put).not.toHaveBeenCalled();

    // Once the form has been sent, a field is checked again as it changes.
    fireEvent.change(screen.getByTestId('command-param-color'), { target: { value: '#FF00AA' } });
    await waitFor(() => expect(screen.queryByText('A colour is #rrggbb.')).toBeNull());
  });

  it('saves the typed request the schema makes of the inputs', async () => {
    const put = renderPage((_, config) => Promise.resolve({ ...config } as CommandGiftsView));
    fireEvent.change(await screen.findByTestId('command-param-color'), { target: { value: ' #FF00AA ' } });
    fireEvent.change(screen.getByTestId('cooldown-confetti'), { target: { value: '15' } });
    fireEvent.click(screen.getByTestId('command-save'));

    await waitFor(() => expect(put).toHaveBeenCalled());
    expect(put).toHaveBeenCalledWith('s_1', {
      mappings: [{ giftCode: 'rocket', action: 'confetti', params: { color: '#ff00aa', intensity: 3 } }],
      cooldowns: { confetti: 15 },
    });
    expect(await screen.findByText('✓ Saved')).toBeTruthy();
  });

  it('shows the server’s field errors where the client’s own would be', async () => {
    const refused = new ApiError(400, 'validation_failed' as never, 'Invalid.', { 'mappings[0].giftCode': ['No active gift has this code.'] }, null);
    renderPage(() => Promise.reject(refused));
    fireEvent.click(await screen.findByTestId('command-save'));

    const error = await screen.findByText('No active gift has this code.');
    expect(error.getAttribute('data-testid')).toBe('command-error');
    expect(screen.getByTestId('command-gift').getAttribute('aria-invalid')).toBe('true');
  });
});
