import './media.css';
import {
  ConnectionQuality,
  createLocalAudioTrack,
  createLocalVideoTrack,
  Room,
  RoomEvent,
  type LocalAudioTrack,
  type LocalVideoTrack,
  type Participant,
} from 'livekit-client';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { useSession } from '../auth/sessionContext';
import { StudioStreamPage, type StudioEditorProps } from '../studio/StudioStreamPage';
import { useMediaConfig } from './useMediaConfig';

const QUALITY_LABELS: Record<ConnectionQuality, string> = {
  [ConnectionQuality.Excellent]: 'Excellent',
  [ConnectionQuality.Good]: 'Good',
  [ConnectionQuality.Poor]: 'Poor',
  [ConnectionQuality.Lost]: 'Lost',
  [ConnectionQuality.Unknown]: 'Measuring…',
};

/** Why a camera or microphone could not be opened, in words a creator can act on. */
export function deviceErrorMessage(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'The browser did not allow the camera and microphone. Allow them for this site and try again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera or microphone was found. Connect one, or pick another device.';
    case 'NotReadableError':
      return 'The camera or microphone is in use by another application.';
    default:
      return `The camera or microphone could not be opened${error instanceof Error && error.message ? `: ${error.message}` : '.'}`;
  }
}

type Phase = 'preview' | 'connecting' | 'publishing';

/** The studio's go-live page of one stream (`/studio/streams/:streamId/go-live`). */
export function GoLivePage() {
  return (
    <StudioStreamPage
      title="Go live"
      gateText="Sign in as this stream's creator to send your camera and microphone."
      className="page go-live"
      testId="go-live-page"
      Editor={GoLiveEditor}
    />
  );
}

/**
 * Previews the camera and microphone (with device pickers), then publishes them to the stream's LiveKit room and
 * shows the connection's quality. Publishing takes a scheduled stream live (LiveKit's webhook, and the REST start
 * for a server whose LiveKit sends no webhooks); stopping leaves the room, and the stream ends after the grace period
 * unless the creator comes back.
 */
function GoLiveEditor({ streamId }: StudioEditorProps) {
  const { api } = useSession();
  const config = useMediaConfig();
  const cameraId = useId();
  const microphoneId = useId();
  const previewRef = useRef<HTMLVideoElement>(null);
  const roomRef = useRef<Room | null>(null);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [microphones, setMicrophones] = useState<MediaDeviceInfo[]>([]);
  const [camera, setCamera] = useState('');
  const [microphone, setMicrophone] = useState('');
  const [video, setVideo] = useState<LocalVideoTrack | null>(null);
  const [audio, setAudio] = useState<LocalAudioTrack | null>(null);
  const [deviceError, setDeviceError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('preview');
  const [quality, setQuality] = useState<ConnectionQuality>(ConnectionQuality.Unknown);
  const enabled = config.data?.enabled === true;

  // The preview: new tracks whenever a device is picked.
  useEffect(() => {
    if (!enabled) {
      return;
    }
    let stopped = false;
    const opened: (LocalVideoTrack | LocalAudioTrack)[] = [];
    void (async () => {
      try {
        const [v, a] = await Promise.all([
          createLocalVideoTrack(camera ? { deviceId: camera } : {}),
          createLocalAudioTrack(microphone ? { deviceId: microphone } : {}),
        ]);
        opened.push(v, a);
        if (stopped) {
          v.stop();
          a.stop();
          return;
        }
        setDeviceError(null);
        setVideo(v);
        setAudio(a);
        // Labels are only readable once access was granted, so the lists come after the first tracks.
        const [videoInputs, audioInputs] = await Promise.all([Room.getLocalDevices('videoinput'), Room.getLocalDevices('audioinput')]);
        if (!stopped) {
          setCameras(videoInputs);
          setMicrophones(audioInputs);
        }
      } catch (caught) {
        if (!stopped) {
          setDeviceError(deviceErrorMessage(caught));
        }
      }
    })();
    return () => {
      stopped = true;
      for (const track of opened) {
        track.stop();
      }
    };
  }, [enabled, camera, microphone]);

  useEffect(() => {
    const element = previewRef.current;
    if (!element || !video) {
      return;
    }
    video.attach(element);
    return () => {
      video.detach(element);
    };
  }, [video]);

  useEffect(() => () => void roomRef.current?.disconnect(), []);

  async function goLive() {
    if (!video || !audio) {
      return;
    }
    setPhase('connecting');
    setError(null);
    const room = new Room({ dynacast: true });
    roomRef.current = room;
    room.on(RoomEvent.ConnectionQualityChanged, (q: ConnectionQuality, participant: Participant) => {
      if (participant.identity === room.localParticipant.identity) {
        setQuality(q);
      }
    });
    room.on(RoomEvent.Disconnected, () => {
      setPhase('preview');
      setQuality(ConnectionQuality.Unknown);
    });
    try {
      const grant = await api.mediaToken(streamId);
      await room.connect(grant.url, grant.token);
      await room.localParticipant.publishTrack(video);
      await room.localParticipant.publishTrack(audio);
      setPhase('publishing');
      await startIfScheduled();
    } catch (caught) {
      await room.disconnect();
      setPhase('preview');
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  // LiveKit's webhook takes the stream live when the camera is published; a LiveKit without webhooks does not,
  // so the page asks too. Whichever comes second finds the stream live already.
  async function startIfScheduled() {
    try {
      const stream = await api.getStream(streamId);
      if (stream.status === 'scheduled') {
        await api.moveStream(streamId, 'start');
      }
    } catch (caught) {
      if (!(caught instanceof ApiError && caught.code === 'invalid_transition')) {
        setError(caught instanceof Error ? caught.message : String(caught));
      }
    }
  }

  async function stop() {
    // Only the room is left: the tracks stay open for the preview and a quick return.
    await roomRef.current?.disconnect(false);
    roomRef.current = null;
  }

  if (config.isPending) {
    return <div className="skeleton skeleton--title" role="status" aria-label="Loading" />;
  }

  return (
    <>
      <header className="page-head">
        <h1 className="page-head__title">Go live</h1>
        <Link className="button button--ghost" to={`/watch/${encodeURIComponent(streamId)}`}>
          Watch page
        </Link>
      </header>
      {!enabled ? (
        <p className="notice" data-testid="go-live-not-configured">
          Live video is not set up on this server (LSX__LiveKit__Url, __ApiKey and __ApiSecret). Your stream still runs as a chat stream:
          start it from the <Link to="/studio">Studio</Link>.
        </p>
      ) : (
        <section className="card">
          <div className="go-live__preview">
            <video ref={previewRef} autoPlay playsInline muted aria-label="Camera preview" data-testid="go-live-preview" />
          </div>
          {deviceError && (
            <p className="notice notice--error" role="alert" data-testid="device-error">
              {deviceError}
            </p>
          )}
          <div className="go-live__devices">
            <label htmlFor={cameraId}>
              Camera{' '}
              <select id={cameraId} value={camera} onChange={(e) => setCamera(e.target.value)} disabled={phase !== 'preview'} data-testid="camera-select">
                <option value="">Default camera</option>
                {cameras.map((d) => (
                  <option key={d.deviceId} value={d.deviceId}>
                    {d.label || 'Camera'}
                  </option>
                ))}
              </select>
            </label>
            <label htmlFor={microphoneId}>
              Microphone{' '}
              <select id={microphoneId} value={microphone} onChange={(e) => setMicrophone(e.target.value)} disabled={phase !== 'preview'} data-testid="microphone-select">
                <option value="">Default microphone</option>
                {microphones.map((d) => (
                  <option key={d.deviceId} value={d.deviceId}>
                    {d.label || 'Microphone'}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="go-live__status">
            {phase === 'publishing' ? (
              <>
                <span className="badge badge--live">Live</span>
                <span className={`quality quality--${quality}`} data-testid="connection-quality">
                  <span className="quality__dot" aria-hidden="true" />
                  Connection: {QUALITY_LABELS[quality]}
                </span>
                <button type="button" className="button" data-testid="go-live-stop" onClick={() => void stop()}>
                  Stop sending
                </button>
              </>
            ) : (
              <button
                type="button"
                className="button button--primary"
                data-testid="go-live-start"
                disabled={!video || !audio || phase === 'connecting'}
                onClick={() => void goLive()}
              >
                {phase === 'connecting' ? 'Connecting…' : 'Go live'}
              </button>
            )}
          </div>
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
          <p className="muted">When you stop sending, the stream ends a minute later unless you come back.</p>
        </section>
      )}
    </>
  );
}
