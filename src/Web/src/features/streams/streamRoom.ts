import type { LiveError } from '../../api/errors';
import type { ChatMessageEvent, JoinResult, Stream, StreamEvent } from '../../api/contract';

/** Chat messages kept on screen; older ones scroll away for good. */
export const MAX_MESSAGES = 300;

/** One watched stream as the watch page shows it. */
export interface RoomState {
  stream: Stream | null;
  viewerCount: number | null;
  messages: ChatMessageEvent[];
  /** A snapshot from the hub arrived (the view is live, not just fetched). */
  joined: boolean;
  /** Joining failed for good (e.g. `not_found`), or the stream could not be fetched. */
  error: LiveError | Error | null;
}

export type RoomAction =
  | { type: 'reset' }
  | { type: 'snapshot'; result: JoinResult }
  | { type: 'event'; event: StreamEvent }
  | { type: 'fetched'; stream: Stream }
  | { type: 'fetchFailed'; error: Error }
  | { type: 'joinFailed'; error: LiveError };

export const initialRoom: RoomState = { stream: null, viewerCount: null, messages: [], joined: false, error: null };

function append(messages: ChatMessageEvent[], message: ChatMessageEvent): ChatMessageEvent[] {
  const next = messages.length >= MAX_MESSAGES ? messages.slice(messages.length - MAX_MESSAGES + 1) : messages.slice();
  next.push(message);
  return next;
}

/** Applies a snapshot or one event (already put in order by the sequencer) to the view. */
export function roomReducer(state: RoomState, action: RoomAction): RoomState {
  switch (action.type) {
    case 'reset':
      return initialRoom;
    case 'snapshot': {
      const { stream, viewerCount, chat } = action.result;
      return {
        stream,
        viewerCount,
        messages: chat.slice(-MAX_MESSAGES),
        joined: true,
        error: null,
      };
    }
    case 'fetched':
      // The hub's snapshot is newer than any fetch: a fetch only fills the page until it arrives.
      return state.joined ? state : { ...state, stream: action.stream, viewerCount: action.stream.viewerCount };
    case 'fetchFailed':
      return state.joined ? state : { ...state, error: action.error };
    case 'joinFailed':
      return { ...state, error: action.error };
    case 'event':
      return applyEvent(state, action.event);
  }
}

function applyEvent(state: RoomState, event: StreamEvent): RoomState {
  switch (event.type) {
    case 'chat:message':
      return { ...state, messages: append(state.messages, event) };
    case 'chat:delete':
      // A moderator deleted it: it leaves every screen, as it left the stream's history.
      return { ...state, messages: state.messages.filter((m) => m.id !== event.messageId) };
    case 'viewers:count':
      return { ...state, viewerCount: event.count };
    case 'stream:state':
      return state.stream ? { ...state, stream: { ...state.stream, status: event.status } } : state;
    case 'chat:slowmode':
      return state.stream ? { ...state, stream: { ...state.stream, slowModeSeconds: event.seconds } } : state;
    case 'gift:received':
    case 'overlay:trigger':
    case 'wheel:commit':
    case 'wheel:result':
    case 'poll:create':
    case 'poll:update':
    case 'poll:closed':
    case 'mood:state':
    case 'qa:update':
    case 'challenge:update':
    case 'moment:detected':
    case 'overlay:update':
      return state; // the gifts, overlay, wheel, poll, mood and engagement features keep these (see StreamFeed)
    default:
      // A replay holds events of every type, newer servers' included: one the page does not know changes nothing.
      return state;
  }
}
