// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, AuditLog, AuditQuery } from '../../api/contract';
import type { Session } from '../auth/sessionStorage';
import { renderView } from '../../test/render';
import { AuditPage } from './AuditPage';

const admin = { accessToken: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u_a', handle: 'root', role: 'admin' } } as Session;

function entry(id: number, action: string): AuditEntry {
  return {
    id,
    actorId: 'u_a',
    actorHandle: 'root',
    action,
    targetUserId: 'u_t',
    target: null,
    streamId: null,
    creatorId: null,
    reason: `#${id}`,
    at: '2026-11-24T12:00:00+00:00',
  };
}

afterEach(cleanup);

describe('the audit page', () => {
  it('pages back with the server’s next and sends the filters', async () => {
    const getAudit = vi.fn((query: AuditQuery): Promise<AuditLog> =>
      Promise.resolve(query.before ? { entries: [entry(1, 'user-ban')], next: null } : { entries: [entry(3, 'role-change'), entry(2, 'user-ban')], next: 2 }),
    );
    renderView(<AuditPage />, { session: admin, path: '/admin/audit', api: { getAudit } });

    expect((await screen.findAllByTestId('audit-row')).map((r) => r.getAttribute('data-action'))).toEqual(['role-change', 'user-ban']);
    fireEvent.click(screen.getByTestId('audit-older'));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    expect(getAudit).toHaveBeenLastCalledWith({ limit: 50, before: 2 }, expect.anything());

    fireEvent.change(screen.getByTestId('audit-filter-action'), { target: { value: ' user-ban ' } });
    fireEvent.click(screen.getByTestId('audit-apply'));
    await waitFor(() => expect(getAudit).toHaveBeenLastCalledWith({ action: 'user-ban', limit: 50 }, expect.anything()));
  });

  it('is for admins only', () => {
    const getAudit = vi.fn();
    renderView(<AuditPage />, { session: { ...admin, user: { ...admin.user, role: 'creator' } }, path: '/admin/audit', api: { getAudit } });

    expect(screen.getByTestId('admin-only')).toBeTruthy();
    expect(getAudit).not.toHaveBeenCalled();
  });
});
