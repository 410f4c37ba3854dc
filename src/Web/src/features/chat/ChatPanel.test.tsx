// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChatMessageEvent, Stream } from '../../api/contract';
import { renderView } from '../../test/render';
import type { Session } from '../auth/sessionStorage';
import { ChatPanel } from './ChatPanel';

const stream = { id: 's_1', status: 'live' } as Stream;
const session: Session = {
  accessToken: 't',
  expiresAt: '2099-01-01T00:00:00+00:00',
  user: { id: 'u_1', handle: 'ada', role: 'viewer', createdAt: '2026-11-24T12:00:00+00:00' },
};

function line(seq: number, text: string): ChatMessageEvent {
  return { type: 'chat:message', streamId: 's_1', seq, at: '2026-11-24T12:00:00+00:00', id: `m_${seq}`, userId: 'u_2', handle: 'bob', role: 'viewer', text, level: 3, badges: [] };
}

beforeAll(() => {
  // jsdom lays nothing out; the panel scrolls its list into view.
  Element.prototype.scrollTo ??= () => {};
});
afterEach(cleanup);

describe('the chat panel', () => {
  it('shows each line as text, never as HTML, with its sender', () => {
    renderView(<ChatPanel stream={stream} messages={[line(1, '<b>bold?</b>')]} session={session} onSend={() => Promise.resolve()} />);
    const item = screen.getByTestId('chat-message');
    expect(item.querySelector('b')).toBeNull();
    expect(screen.getByTestId('chat-text').textContent).toBe('<b>bold?</b>');
    expect(screen.getByTestId('chat-handle').textContent).toContain('bob');
  });

  it('sends what was typed, trimmed, and empties the box once the hub took it', async () => {
    const onSend = vi.fn(() => Promise.resolve());
    renderView(<ChatPanel stream={stream} messages={[]} session={session} onSend={onSend} />);
    fireEvent.change(screen.getByTestId('chat-input'), { target: { value: '  hello  ' } });
    fireEvent.click(screen.getByTestId('chat-send'));
    await waitFor(() => expect(onSend).toHaveBeenCalledWith('hello'));
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('chat-input').value).toBe(''));
  });

  it('asks a visitor to sign in before chatting', () => {
    renderView(<ChatPanel stream={stream} messages={[]} session={null} onSend={() => Promise.resolve()} />);
    expect(screen.getByText('Sign in to chat.')).toBeTruthy();
  });
});
