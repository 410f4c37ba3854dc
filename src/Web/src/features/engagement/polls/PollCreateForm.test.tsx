// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreatePollRequest, Poll, Stream } from '../../../api/contract';
import { renderView } from '../../../test/render';
import { PollCreateForm } from './PollCreateForm';
import { POLL_MESSAGES } from './pollForm';

const stream = { id: 's_1', status: 'live' } as Stream;

afterEach(cleanup);

describe('the Start a poll form', () => {
  it('shows the server’s words under the fields it refuses, before sending anything', async () => {
    const createPoll = vi.fn();
    renderView(<PollCreateForm stream={stream} poll={null} onCreated={() => {}} />, { live: { createPoll } });

    fireEvent.click(screen.getByTestId('poll-create-submit'));

    expect(await screen.findByText(POLL_MESSAGES.question)).toBeTruthy();
    expect(screen.getAllByText(POLL_MESSAGES.options).length).toBeGreaterThan(0);
    expect(createPoll).not.toHaveBeenCalled();
  });

  it('sends the trimmed request with the options added, and clears the form for the next poll', async () => {
    const created = { pollId: 'p_1', closed: false } as Poll;
    const createPoll = vi.fn((request: CreatePollRequest) => Promise.resolve({ ...created, question: request.question }));
    const onCreated = vi.fn();
    renderView(<PollCreateForm stream={stream} poll={null} onCreated={onCreated} />, { live: { createPoll } });

    fireEvent.change(screen.getByTestId('poll-create-question'), { target: { value: '  Next map? ' } });
    fireEvent.click(screen.getByTestId('poll-add-option'));
    const options = screen.getAllByTestId('poll-create-option');
    expect(options).toHaveLength(3);
    ['Dust', 'Nuke ', 'Mirage'].forEach((value, i) => fireEvent.change(options[i]!, { target: { value } }));
    fireEvent.change(screen.getByTestId('poll-create-duration'), { target: { value: '300' } });
    fireEvent.click(screen.getByTestId('poll-create-submit'));

    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(createPoll).toHaveBeenCalledWith({ streamId: 's_1', question: 'Next map?', options: ['Dust', 'Nuke', 'Mirage'], durationSeconds: 300 });
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('poll-create-question').value).toBe(''));
  });

  it('waits while a poll is open', () => {
    renderView(<PollCreateForm stream={stream} poll={{ closed: false } as Poll} onCreated={() => {}} />);
    expect(screen.queryByTestId('poll-create-form')).toBeNull();
    expect(screen.getByText(/A poll is running/)).toBeTruthy();
  });
});
