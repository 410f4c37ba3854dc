// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SegmentView, UserEvent } from '../../api/contract';
import { renderView } from '../../test/render';
import type { Session } from '../auth/sessionStorage';
import { SegmentsPage } from './SegmentsPage';

const session = { accessToken: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u_1', role: 'creator' } } as Session;
const segment = (over: Partial<SegmentView>): SegmentView =>
  ({ id: 'sg_1', title: 'Intermission', status: 'processing', progress: 0, failureReason: null, durationMs: null, thumbnailUrl: null, ...over }) as SegmentView;

afterEach(cleanup);

describe('SegmentsPage', () => {
  it('shows processing progress as the owner hears it, then a failure with its reason', async () => {
    let listener: ((event: UserEvent) => void) | undefined;
    const listSegments = vi.fn().mockResolvedValueOnce([segment({})]).mockResolvedValue([segment({ status: 'failed', failureReason: 'The file could not be read as a video.' })]);
    renderView(<SegmentsPage />, {
      session,
      api: { listSegments },
      live: {
        onUserEvent: (l: (event: UserEvent) => void) => {
          listener = l;
          return () => {};
        },
      },
    });

    expect(await screen.findByText('Intermission')).toBeTruthy();
    act(() => listener?.({ type: 'segment:processing', userId: 'u_1', at: '', segmentId: 'sg_1', status: 'processing', progress: 42, failureReason: null }));
    expect(await screen.findByText(/42%/)).toBeTruthy();
    act(() => listener?.({ type: 'segment:processing', userId: 'u_1', at: '', segmentId: 'sg_1', status: 'failed', progress: 42, failureReason: 'The file could not be read as a video.' }));
    expect((await screen.findAllByRole('alert'))[0]?.textContent).toContain('could not be read');
  });

  it('uploads the chosen file in chunks and completes it', async () => {
    const putSegmentChunk = vi.fn().mockResolvedValue({});
    const api = {
      listSegments: vi.fn().mockResolvedValue([]),
      createSegment: vi.fn().mockResolvedValue({ id: 'sg_2', chunkSize: 4, chunkCount: 2 }),
      getSegmentChunks: vi.fn(),
      putSegmentChunk,
      completeSegment: vi.fn().mockResolvedValue(segment({ id: 'sg_2' })),
    };
    renderView(<SegmentsPage />, { session, api, live: { onUserEvent: () => () => {} } });

    const file = new File([new Uint8Array(6)], 'clip.mp4', { lastModified: 7 });
    fireEvent.change(await screen.findByLabelText('Video file'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));

    await waitFor(() => expect(api.completeSegment).toHaveBeenCalledWith('sg_2'));
    expect(api.createSegment).toHaveBeenCalledWith('clip.mp4', 6);
    expect(putSegmentChunk.mock.calls.map((c: unknown[]) => c[1] as number)).toEqual([0, 1]);
  });
});
