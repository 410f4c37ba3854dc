// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Challenge, Stream } from '../../../api/contract';
import { renderView } from '../../../test/render';
import { ChallengeForm } from './ChallengeForm';

const stream = { id: 's_1', status: 'live' } as Stream;
const commands = [{ action: 'theme-flash', params: [{ name: 'color', type: 'color', required: true }] }];

afterEach(cleanup);

describe('the Start a challenge form', () => {
  it('clears a reward parameter’s error as soon as it is fixed, once a start was tried', async () => {
    const onStart = vi.fn(() => Promise.resolve({ challengeId: 'c_1' } as Challenge));
    renderView(<ChallengeForm stream={stream} challenge={null} onStart={onStart} />, { api: { listCommands: () => Promise.resolve(commands) } });

    await screen.findByRole('option', { name: /flash/i });
    fireEvent.change(screen.getByTestId('challenge-reward'), { target: { value: 'theme-flash' } });
    fireEvent.change(await screen.findByTestId('challenge-reward-param-color'), { target: { value: 'pink' } });
    fireEvent.click(screen.getByTestId('challenge-submit'));
    expect(await screen.findByText('A colour is #rrggbb.')).toBeTruthy();
    expect(onStart).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('challenge-reward-param-color'), { target: { value: '#00ff88' } });
    await waitFor(() => expect(screen.queryByText('A colour is #rrggbb.')).toBeNull());
  });
});
