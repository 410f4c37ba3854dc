import type { FollowingCreator, Recommendation, StreamLiveEvent } from '../../api/contract';
import type { Session } from '../auth/sessionStorage';

/** A signed-in viewer for the discovery component tests. */
export const viewer = { accessToken: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u_v', handle: 'viv', role: 'viewer' } } as Session;

export function recommendation(streamId: string, title: string, reasons: Recommendation['reasons'] = []): Recommendation {
  return {
    stream: {
      streamId,
      creatorId: `u_${streamId}`,
      creatorHandle: `host_${streamId}`,
      title,
      category: 'music',
      tags: [],
      titleTerms: [],
      viewers: 42,
      viewerVelocity: 1.5,
      liveSince: '2026-11-24T12:00:00+00:00',
      startsAt: null,
    },
    score: 0.5,
    reasons,
  };
}

export function followed(creatorId: string, handle: string, liveStreamId: string | null): FollowingCreator {
  return {
    creatorId,
    creatorHandle: handle,
    since: '2026-11-24T12:00:00+00:00',
    followers: 3,
    live: liveStreamId !== null,
    liveStreams: liveStreamId ? [{ streamId: liveStreamId, title: 'On air', category: 'music', startedAt: '2026-11-24T12:00:00+00:00' }] : [],
  };
}

export function goLive(streamId: string, handle: string, title: string): StreamLiveEvent {
  return {
    type: 'stream:live',
    userId: 'u_v',
    at: '2026-11-24T12:00:00+00:00',
    streamId,
    creatorId: `u_${handle}`,
    creatorHandle: handle,
    title,
    category: 'music',
  };
}
