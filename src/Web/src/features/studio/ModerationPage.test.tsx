// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModerationView, Report } from '../../api/contract';
import { ApiError } from '../../api/errors';
import { renderView } from '../../test/render';
import type { Session } from '../auth/sessionStorage';
import { ModerationPage } from './ModerationPage';

const creator = { accessToken: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u_c', handle: 'cleo', role: 'creator' } } as Session;
const rules: ModerationView = { moderators: [], bans: [], timeouts: [], blockedTerms: [] } as unknown as ModerationView;

function report(id: string): Report {
  return {
    id,
    reporterId: 'u_r',
    reporterHandle: 'rita',
    targetUserId: 'u_t',
    streamId: 's_1',
    creatorId: 'u_c',
    messageId: 'm_1',
    messageText: 'buy followers here',
    reason: 'spam',
    at: '2026-11-24T12:00:00+00:00',
    resolution: null,
  };
}

function api(overrides: object) {
  return {
    getModeration: vi.fn(() => Promise.resolve(rules)),
    getHeld: vi.fn(() => Promise.resolve([])),
    getModerationLog: vi.fn(() => Promise.resolve({ entries: [], next: null })),
    ...overrides,
  };
}

afterEach(cleanup);

describe('the studio’s report queue', () => {
  it('lists the reports about my streams and resolves one through my creator endpoint, then refreshes', async () => {
    let open = [report('r_1')];
    const getCreatorReports = vi.fn(() => Promise.resolve(open));
    const resolveCreatorReport = vi.fn((_creatorId: string, id: string, resolution: string) => {
      open = [];
      return Promise.resolve({ ...report(id), resolution });
    });
    renderView(<ModerationPage />, { session: creator, path: '/studio/moderation', api: api({ getCreatorReports, resolveCreatorReport }) });

    expect((await screen.findByTestId('report-message')).textContent).toBe('buy followers here');
    expect(getCreatorReports).toHaveBeenCalledWith('u_c', true, expect.anything());
    fireEvent.change(screen.getByTestId('report-note'), { target: { value: 'Timed out.' } });
    fireEvent.click(screen.getByTestId('report-resolve'));

    await waitFor(() => expect(resolveCreatorReport).toHaveBeenCalledWith('u_c', 'r_1', 'Timed out.'));
    expect(await screen.findByTestId('reports-empty')).toBeTruthy();
    expect(getCreatorReports).toHaveBeenCalledTimes(2);
  });

  it('checks the note’s length before resolving', async () => {
    const resolveCreatorReport = vi.fn();
    renderView(<ModerationPage />, {
      session: creator,
      path: '/studio/moderation',
      api: api({ getCreatorReports: vi.fn(() => Promise.resolve([report('r_1')])), resolveCreatorReport }),
    });

    fireEvent.change(await screen.findByTestId('report-note'), { target: { value: 'x'.repeat(501) } });
    fireEvent.click(screen.getByTestId('report-resolve'));
    expect((await screen.findByRole('alert')).textContent).toContain('1–500');
    expect(resolveCreatorReport).not.toHaveBeenCalled();
  });

  it('says so when nothing is reported, and when the queue is refused', async () => {
    renderView(<ModerationPage />, { session: creator, path: '/studio/moderation', api: api({ getCreatorReports: vi.fn(() => Promise.resolve([])) }) });
    expect((await screen.findByTestId('reports-empty')).textContent).toBe('No open reports.');
    cleanup();

    const refused = vi.fn(() => Promise.reject(new ApiError(403, 'forbidden', 'Only the creator, their moderators and admins may do that.', {}, null)));
    renderView(<ModerationPage />, { session: creator, path: '/studio/moderation', api: api({ getCreatorReports: refused }) });
    expect((await screen.findByTestId('reports-error')).textContent).toContain('Only the creator, their moderators and admins may do that.');
  });
});
