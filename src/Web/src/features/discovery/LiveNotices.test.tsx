// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserEvent } from '../../api/contract';
import { renderView } from '../../test/render';
import { followed, goLive, viewer } from './fixtures';
import { FollowingRow } from './FollowingRow';
import { LiveNotices } from './LiveNotices';

afterEach(cleanup);

/** A hub stub that hands its user-event listener to the test. */
function hub() {
  const listeners: ((event: UserEvent) => void)[] = [];
  return {
    live: {
      onUserEvent: (listener: (event: UserEvent) => void) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    },
    emit: (event: UserEvent) => act(() => listeners.forEach((l) => l(event))),
  };
}

describe('go-live notices', () => {
  it('show a followed creator going live as a toast that links to the stream', () => {
    const { live, emit } = hub();
    renderView(<LiveNotices />, { live, session: viewer, api: { listFollowing: () => Promise.resolve([]) } });

    emit(goLive('s_9', 'cleo', 'Friday build session'));
    const toast = screen.getByTestId('toast-stream-live');
    expect(toast.textContent).toContain('cleo is live');
    expect(toast.textContent).toContain('Friday build session');
    expect(screen.getByRole('link', { name: 'Watch' }).getAttribute('href')).toBe('/watch/s_9');

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('toast-stream-live')).toBeNull();
  });

  it('ignore the other user events', () => {
    const { live, emit } = hub();
    renderView(<LiveNotices />, { live, session: viewer });

    emit({ type: 'level:up', userId: 'u_v', at: '2026-11-24T12:00:00+00:00', level: 3, xp: 300, xpForNextLevel: 600 });
    expect(screen.queryByTestId('toast-stream-live')).toBeNull();
  });
});

describe('the Following row', () => {
  it('puts live creators first with a live badge and a link to their stream', async () => {
    const listFollowing = () => Promise.resolve([followed('u_o', 'otto', null), followed('u_c', 'cleo', 's_9')]);
    renderView(<FollowingRow />, { api: { listFollowing }, session: viewer });

    const items = await screen.findAllByTestId('following-item');
    expect(items.map((i) => i.getAttribute('data-live'))).toEqual(['true', 'false']);
    expect(items.at(0)?.textContent).toContain('Live');
    expect(items.map((i) => i.querySelector('a')?.getAttribute('href'))).toEqual(['/watch/s_9', '/u/u_o']);
  });
});
