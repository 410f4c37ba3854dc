import { ConnectionState, Room, RoomEvent, Track, type RemoteParticipant } from 'livekit-client';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/errors';
import { useSession } from '../auth/sessionContext';
import type { AttachableTrack } from './MediaSlot';
import { useMediaConfig } from './useMediaConfig';

/** What the watch page's live player shows. */
export type LiveVideoState =
  | { kind: 'loading' }
  | { kind: 'not-configured' }
  | { kind: 'connecting' }
  /** In the room, but the creator publishes no camera (yet, or any more). */
  | { kind: 'waiting' }
  | { kind: 'playing'; video: AttachableTrack; audio: AttachableTrack | null }
  | { kind: 'error'; message: string };

function creatorTracks(room: Room, creatorId: string): LiveVideoState {
  const creator: RemoteParticipant | undefined = room.getParticipantByIdentity(creatorId) as RemoteParticipant | undefined;
  const video = creator?.getTrackPublication(Track.Source.Camera)?.track;
  const audio = creator?.getTrackPublication(Track.Source.Microphone)?.track ?? null;
  return video ? { kind: 'playing', video, audio } : { kind: 'waiting' };
}

/**
 * Joins the stream's LiveKit room as a subscriber while `active` (the stream is scheduled or live) and follows the
 * creator's camera and microphone (the creator's identity is their user id). Leaves the room on unmount.
 */
export function useLiveVideo(streamId: string, creatorId: string | null, active: boolean): LiveVideoState {
  const { api, session } = useSession();
  const config = useMediaConfig();
  const [state, setState] = useState<LiveVideoState>({ kind: 'connecting' });
  const enabled = config.data?.enabled === true;
  const userId = session?.user.id ?? null;

  useEffect(() => {
    if (!enabled || !active || !creatorId) {
      return;
    }
    const room = new Room({ adaptiveStream: true, dynacast: true });
    let closed = false;
    const refresh = () => {
      if (!closed && room.state === ConnectionState.Connected) {
        setState(creatorTracks(room, creatorId));
      }
    };
    room
      .on(RoomEvent.TrackSubscribed, refresh)
      .on(RoomEvent.TrackUnsubscribed, refresh)
      .on(RoomEvent.TrackMuted, refresh)
      .on(RoomEvent.TrackUnmuted, refresh)
      .on(RoomEvent.ParticipantConnected, refresh)
      .on(RoomEvent.ParticipantDisconnected, refresh)
      .on(RoomEvent.Reconnected, refresh)
      .on(RoomEvent.Reconnecting, () => !closed && setState({ kind: 'connecting' }))
      .on(RoomEvent.Disconnected, () => !closed && setState({ kind: 'error', message: 'The video connection closed. Reload to watch again.' }));
    void (async () => {
      try {
        const grant = await api.mediaToken(streamId, { watch: true });
        if (closed) {
          return;
        }
        await room.connect(grant.url, grant.token);
        refresh();
      } catch (error) {
        if (!closed) {
          setState({ kind: 'error', message: error instanceof ApiError ? error.message : 'Cannot reach the video server.' });
        }
      }
    })();
    return () => {
      closed = true;
      void room.disconnect();
    };
    // A new session (sign-in, sign-out) asks for a new token.
  }, [api, streamId, creatorId, active, enabled, userId]);

  if (config.isPending) {
    return { kind: 'loading' };
  }
  if (config.isError) {
    return { kind: 'error', message: config.error.message };
  }
  return enabled ? state : { kind: 'not-configured' };
}
