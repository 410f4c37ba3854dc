// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Stream } from '../../api/contract';
import { ApiError } from '../../api/errors';
import { renderView } from '../../test/render';
import { VideoStage } from '../streams/VideoStage';
import { GoLivePage, deviceErrorMessage } from './GoLivePage';
import { LivePlayer, LivePlayerView } from './LivePlayer';
import type { AttachableTrack } from './MediaSlot';

afterEach(cleanup);

const live: Stream = {
  id: 's_1',
  title: 'Speedrun night',
  category: 'gaming',
  creatorId: 'u_1',
  creatorHandle: 'ada',
  status: 'live',
  createdAt: '2026-11-24T12:00:00+00:00',
  startedAt: '2026-11-24T12:01:00+00:00',
  endedAt: null,
  archivedAt: null,
  slowModeSeconds: 0,
  viewerCount: 12,
};

function track(): AttachableTrack & { attached: HTMLMediaElement[] } {
  const attached: HTMLMediaElement[] = [];
  return {
    attached,
    attach: (element) => {
      attached.push(element);
      return element;
    },
    detach: (element) => {
      attached.splice(attached.indexOf(element), 1);
      return element;
    },
  };
}

describe('the live player', () => {
  it('says live video is not set up when the server has no LiveKit, and asks for no token', async () => {
    const mediaToken = vi.fn();
    renderView(<LivePlayer streamId="s_1" creatorId="u_1" active />, {
      api: { mediaConfig: () => Promise.resolve({ enabled: false, url: null }), mediaToken },
    });

    expect(await screen.findByTestId('live-not-configured')).toHaveProperty('textContent', expect.stringContaining('not set up'));
    expect(mediaToken).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal of a token', async () => {
    renderView(<LivePlayer streamId="s_1" creatorId="u_1" active />, {
      api: {
        mediaConfig: () => Promise.resolve({ enabled: true, url: 'ws://127.0.0.1:1' }),
        mediaToken: () => Promise.reject(new ApiError(403, 'forbidden', 'You are banned from this creator\u2019s streams.', {}, null)),
      },
    });

    expect((await screen.findByTestId('live-error')).textContent).toContain('banned');
  });

  it('waits for the creator’s video with a clear message', () => {
    renderView(<LivePlayerView state={{ kind: 'waiting' }} />);

    expect(screen.getByTestId('live-waiting').textContent).toContain('Waiting for the creator');
  });

  it('plays the creator’s video muted at first, unmutes its sound and goes fullscreen', () => {
    const video = track();
    const audio = track();
    const target = document.createElement('div');
    target.requestFullscreen = vi.fn(() => Promise.resolve());
    renderView(<LivePlayerView state={{ kind: 'playing', video, audio }} fullscreenTarget={() => target} />);

    expect(video.attached).toHaveLength(1);
    expect(video.attached[0]?.tagName).toBe('VIDEO');
    expect(audio.attached[0]?.muted).toBe(true);

    fireEvent.click(screen.getByTestId('live-mute'));
    expect(audio.attached[0]?.muted).toBe(false);
    expect(screen.getByTestId('live-mute').getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByTestId('live-fullscreen'));
    expect(target.requestFullscreen).toHaveBeenCalled();
  });

  it('lets go of the tracks when the video stops', () => {
    const video = track();
    const view = renderView(<LivePlayerView state={{ kind: 'playing', video, audio: null }} />);

    view.unmount();

    expect(video.attached).toHaveLength(0);
  });
});

describe('the stage', () => {
  it('keeps a slot for what plays now and becomes a region around it', () => {
    renderView(
      <VideoStage stream={live} viewerCount={3}>
        <p>now playing</p>
      </VideoStage>,
    );

    const stage = screen.getByTestId('video-area');
    expect(stage.getAttribute('role')).toBe('region');
    expect(stage.textContent).toContain('now playing');
  });
});

describe('the go-live page', () => {
  const creator = { user: { id: 'u_1', handle: 'ada', role: 'creator' as const }, accessToken: 't', expiresAt: '2099-01-01T00:00:00Z' };

  it('says live video is not set up and points to the studio', async () => {
    renderView(<GoLivePage />, {
      api: { mediaConfig: () => Promise.resolve({ enabled: false, url: null }) },
      session: creator as never,
      path: '/studio/streams/s_1/go-live',
    });

    await waitFor(() => expect(screen.getByTestId('go-live-not-configured').textContent).toContain('chat stream'));
  });

  it('turns device errors into words a creator can act on', () => {
    expect(deviceErrorMessage(new DOMException('denied', 'NotAllowedError'))).toContain('did not allow');
    expect(deviceErrorMessage(new DOMException('none', 'NotFoundError'))).toContain('No camera or microphone');
    expect(deviceErrorMessage(new DOMException('busy', 'NotReadableError'))).toContain('in use');
  });
});
