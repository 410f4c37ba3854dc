// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Route, Routes } from 'react-router-dom';
import type { ChatMessageEvent, PublicProgress, Report, ReportRequest, Stream } from '../../api/contract';
import { ApiError } from '../../api/errors';
import { renderView } from '../../test/render';
import type { Session } from '../auth/sessionStorage';
import { ChatPanel } from '../chat/ChatPanel';
import { ProfilePage } from '../progression/ProfilePage';
import { ProgressContext, type ProgressContextValue } from '../progression/progressContext';
import { ReportForm } from './ReportForm';

const session: Session = {
  accessToken: 't',
  expiresAt: '2099-01-01T00:00:00+00:00',
  user: { id: 'u_1', handle: 'ada', role: 'viewer', createdAt: '2026-11-24T12:00:00+00:00' },
};
const stream = { id: 's_1', status: 'live', creatorId: 'u_c' } as Stream;

function line(seq: number, userId: string, handle: string): ChatMessageEvent {
  return { type: 'chat:message', streamId: 's_1', seq, at: '2026-11-24T12:00:00+00:00', id: `m_${seq}`, userId, handle, role: 'viewer', text: 'spam spam', level: 1, badges: [] };
}

function created(request: ReportRequest): Report {
  return {
    id: 'r_1',
    reporterId: 'u_1',
    reporterHandle: 'ada',
    targetUserId: request.userId ?? 'u_2',
    streamId: request.streamId,
    creatorId: null,
    messageId: request.messageId,
    messageText: null,
    reason: request.reason ?? '',
    at: '2026-11-24T12:00:00+00:00',
  };
}

beforeAll(() => {
  Element.prototype.scrollTo ??= () => {};
});
afterEach(cleanup);

describe('reporting', () => {
  it('reports another viewer’s chat line from its menu, with the reason trimmed, and confirms', async () => {
    const report = vi.fn((request: ReportRequest) => Promise.resolve(created(request)));
    renderView(<ChatPanel stream={stream} messages={[line(1, 'u_2', 'bob'), line(2, 'u_1', 'ada')]} session={session} onSend={() => Promise.resolve()} />, {
      session,
      api: { report },
    });

    // My own line has no menu; a viewer gets no moderator tools.
    expect(screen.getAllByTestId('chat-report')).toHaveLength(1);
    expect(screen.queryByTestId('chat-mod-delete')).toBeNull();
    fireEvent.click(screen.getByTestId('chat-report'));
    fireEvent.change(screen.getByTestId('report-reason'), { target: { value: '  spam links  ' } });
    fireEvent.click(screen.getByTestId('report-submit'));

    await screen.findByTestId('report-done');
    expect(report).toHaveBeenCalledWith({ streamId: 's_1', messageId: 'm_1', userId: null, reason: 'spam links' });
    expect(screen.getByTestId('report-done').textContent).toContain("bob's message");
  });

  it('needs a reason of at most 500 characters before sending anything', async () => {
    const report = vi.fn();
    renderView(<ReportForm target={{ kind: 'user', userId: 'u_2', handle: 'bob' }} onClose={() => {}} />, { session, api: { report } });

    fireEvent.change(screen.getByTestId('report-reason'), { target: { value: '   ' } });
    fireEvent.click(screen.getByTestId('report-submit'));
    expect((await screen.findByTestId('report-reason-error')).textContent).toContain('1–500');

    fireEvent.change(screen.getByTestId('report-reason'), { target: { value: 'x'.repeat(501) } });
    fireEvent.click(screen.getByTestId('report-submit'));
    await waitFor(() => expect(screen.getByTestId('report-reason-error').textContent).toContain('1–500'));
    expect(report).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal in its own words, and keeps the form', async () => {
    const report = vi.fn(() => Promise.reject(new ApiError(404, 'not_found', 'That message is no longer in the stream’s history.', {}, null)));
    renderView(<ReportForm target={{ kind: 'user', userId: 'u_2', handle: 'bob' }} onClose={() => {}} />, { session, api: { report } });

    fireEvent.change(screen.getByTestId('report-reason'), { target: { value: 'harassment' } });
    fireEvent.click(screen.getByTestId('report-submit'));

    expect((await screen.findByTestId('report-error')).textContent).toBe('That message is no longer in the stream’s history.');
    expect(report).toHaveBeenCalledWith({ streamId: null, messageId: null, userId: 'u_2', reason: 'harassment' });
    expect(screen.queryByTestId('report-done')).toBeNull();
  });

  it('puts a field refusal under the reason', async () => {
    const report = vi.fn(() => Promise.reject(new ApiError(400, 'invalid_input', 'Invalid.', { reason: ['A reason is 1–500 characters with something visible.'] }, null)));
    renderView(<ReportForm target={{ kind: 'user', userId: 'u_2', handle: 'bob' }} onClose={() => {}} />, { session, api: { report } });

    fireEvent.change(screen.getByTestId('report-reason'), { target: { value: 'ok' } });
    fireEvent.click(screen.getByTestId('report-submit'));

    expect((await screen.findByTestId('report-reason-error')).textContent).toBe('A reason is 1–500 characters with something visible.');
    expect(screen.queryByTestId('report-error')).toBeNull();
  });

  it('reports a user from their profile, never oneself', async () => {
    const progress = (userId: string): PublicProgress => ({ userId, handle: userId === 'u_1' ? 'ada' : 'bob', level: 2, xp: 150, badges: [], creatorLevel: 1 });
    const api = {
      getUserProgress: vi.fn((userId: string) => Promise.resolve(progress(userId))),
      getMyProgress: vi.fn(() => new Promise<never>(() => {})),
      getProfile: vi.fn(() => new Promise<never>(() => {})),
      report: vi.fn((request: ReportRequest) => Promise.resolve(created(request))),
    };
    const context: ProgressContextValue = { progress: null, toasts: [], applyChange: () => {}, dismiss: () => {} };
    const page = (
      <ProgressContext.Provider value={context}>
        <Routes>
          <Route path="/u/:userId" element={<ProfilePage />} />
        </Routes>
      </ProgressContext.Provider>
    );
    const { unmount } = renderView(page, { session, path: '/u/u_2', api });

    fireEvent.click(await screen.findByTestId('profile-report'));
    fireEvent.change(screen.getByTestId('report-reason'), { target: { value: 'impersonation' } });
    fireEvent.click(screen.getByTestId('report-submit'));
    await screen.findByTestId('report-done');
    expect(api.report).toHaveBeenCalledWith({ streamId: null, messageId: null, userId: 'u_2', reason: 'impersonation' });
    unmount();

    renderView(page, { session, path: '/u/u_1', api });
    await screen.findByText('ada');
    expect(screen.queryByTestId('profile-report')).toBeNull();
  });
});
