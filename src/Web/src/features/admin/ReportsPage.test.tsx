// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../api/contract';
import { ApiError } from '../../api/errors';
import { renderView } from '../../test/render';
import type { Session } from '../auth/sessionStorage';
import { ReportsPage } from './ReportsPage';

const admin = { accessToken: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u_a', handle: 'root', role: 'admin' } } as Session;

function report(id: string, resolution: string | null = null): Report {
  return {
    id,
    reporterId: 'u_r',
    reporterHandle: 'rita',
    targetUserId: 'u_t',
    streamId: 's_1',
    creatorId: 'u_c',
    messageId: 'm_1',
    messageText: `text of ${id}`,
    reason: `reason ${id}`,
    at: '2026-11-24T12:00:00+00:00',
    resolution,
    resolvedBy: resolution ? 'u_a' : null,
    resolvedAt: resolution ? '2026-11-24T13:00:00+00:00' : null,
  };
}

afterEach(cleanup);

describe('the admins’ report queue', () => {
  it('lists the open reports with their message, reason and stream', async () => {
    const getAdminReports = vi.fn(() => Promise.resolve([report('r_2'), report('r_1')]));
    renderView(<ReportsPage />, { session: admin, path: '/admin/reports', api: { getAdminReports } });

    const items = await screen.findAllByTestId('report-item');
    expect(items.map((i) => i.getAttribute('data-report-id'))).toEqual(['r_2', 'r_1']);
    const first = items[0] as HTMLElement;
    expect(within(first).getByTestId('report-message').textContent).toBe('text of r_2');
    expect(within(first).getByTestId('report-reason-text').textContent).toBe('reason r_2');
    expect(within(first).getByTestId('report-stream').getAttribute('href')).toBe('/watch/s_1');
    expect(getAdminReports).toHaveBeenCalledWith(true, expect.anything());
  });

  it('resolves with the note (or a default) through the admin endpoint, then reads the queue again', async () => {
    let open = [report('r_2'), report('r_1')];
    const getAdminReports = vi.fn(() => Promise.resolve(open));
    const resolveAdminReport = vi.fn((id: string, resolution: string) => {
      open = open.filter((r) => r.id !== id);
      return Promise.resolve(report(id, resolution));
    });
    renderView(<ReportsPage />, { session: admin, path: '/admin/reports', api: { getAdminReports, resolveAdminReport } });

    const [first] = await screen.findAllByTestId('report-item');
    if (!first) {
      throw new Error('no report');
    }
    fireEvent.change(within(first).getByTestId('report-note'), { target: { value: ' warned the user ' } });
    fireEvent.click(within(first).getByTestId('report-resolve'));
    await waitFor(() => expect(resolveAdminReport).toHaveBeenCalledWith('r_2', 'warned the user'));
    await waitFor(() => expect(screen.getAllByTestId('report-item').map((i) => i.getAttribute('data-report-id'))).toEqual(['r_1']));

    fireEvent.click(screen.getByTestId('report-resolve'));
    await waitFor(() => expect(resolveAdminReport).toHaveBeenLastCalledWith('r_1', 'Resolved.'));
    expect(await screen.findByTestId('reports-empty')).toBeTruthy();
  });

  it('shows a refused resolve in the server’s words', async () => {
    const getAdminReports = vi.fn(() => Promise.resolve([report('r_1')]));
    const resolveAdminReport = vi.fn(() => Promise.reject(new ApiError(409, 'conflict', 'The report is already resolved.', {}, null)));
    renderView(<ReportsPage />, { session: admin, path: '/admin/reports', api: { getAdminReports, resolveAdminReport } });

    fireEvent.click(await screen.findByTestId('report-resolve'));
    expect((await screen.findByTestId('report-resolve-error')).textContent).toBe('The report is already resolved.');
  });

  it('shows resolved ones on request', async () => {
    const getAdminReports = vi.fn((open: boolean) => Promise.resolve(open ? [] : [report('r_1', 'Banned.')]));
    renderView(<ReportsPage />, { session: admin, path: '/admin/reports', api: { getAdminReports } });

    expect((await screen.findByTestId('reports-empty')).textContent).toBe('No open reports.');
    fireEvent.click(screen.getByTestId('reports-show-resolved'));
    expect((await screen.findByTestId('report-resolution')).textContent).toContain('Banned.');
    expect(screen.queryByTestId('report-resolve')).toBeNull();
    expect(getAdminReports).toHaveBeenLastCalledWith(false, expect.anything());
  });

  it('says why the queue could not load', async () => {
    const getAdminReports = vi.fn(() => Promise.reject(new ApiError(503, 'unavailable', 'The service is busy; try again.', {}, null)));
    renderView(<ReportsPage />, { session: admin, path: '/admin/reports', api: { getAdminReports } });

    expect((await screen.findByTestId('reports-error')).textContent).toContain('The service is busy; try again.');
  });

  it('is for admins only', () => {
    const getAdminReports = vi.fn();
    renderView(<ReportsPage />, { session: { ...admin, user: { ...admin.user, role: 'creator' } }, path: '/admin/reports', api: { getAdminReports } });

    expect(screen.getByTestId('admin-only')).toBeTruthy();
    expect(getAdminReports).not.toHaveBeenCalled();
  });
});
