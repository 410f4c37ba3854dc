// The wire contract of docs/PROTOCOL.md, as TypeScript. Keep names and shapes exactly as they are sent.

/** An ISO 8601 UTC timestamp, e.g. `2026-11-24T12:00:00+00:00`. */
export type Timestamp = string;

export type Role = 'viewer' | 'creator' | 'admin';

/** The roles `POST /api/auth/dev-login` may grant; `admin` never is. */
export type SignInRole = Exclude<Role, 'admin'>;

export type StreamStatus = 'scheduled' | 'live' | 'ended' | 'archived';

export const STREAM_STATUSES: readonly StreamStatus[] = ['scheduled', 'live', 'ended', 'archived'];

export interface User {
  id: string;
  handle: string;
  role: Role;
  createdAt: Timestamp;
}

// ---- REST ----

export interface DevLoginRequest {
  handle: string;
  role: SignInRole;
}

export interface DevLoginResponse {
  accessToken: string;
  expiresAt: Timestamp;
  user: User;
}

export interface Stream {
  id: string;
  title: string;
  category: string;
  creatorId: string;
  creatorHandle: string;
  status: StreamStatus;
  createdAt: Timestamp;
  startedAt: Timestamp | null;
  endedAt: Timestamp | null;
  archivedAt: Timestamp | null;
  slowModeSeconds: number;
  viewerCount: number;
}

export interface CreateStreamRequest {
  title: string;
  category: string;
}

export interface SlowModeRequest {
  /** 0 turns slow mode off; at most 3600. */
  seconds: number;
}

/** The status moves a creator can ask for: `POST /api/streams/{id}/{move}`. */
export type StreamMove = 'start' | 'end' | 'archive';

/** An RFC 7807 `application/problem+json` body. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  /** The stable error code, for domain errors (same codes as the hub). */
  code?: string;
  /** Field-level validation messages. */
  errors?: Record<string, string[]>;
}

/** The stable error codes shared by REST (`code`, `type`) and the hub (`HubException: <code>: …`). */
export type ErrorCode =
  | 'invalid_input'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'invalid_transition'
  | 'conflict'
  | 'not_live'
  | 'rate_limited'
  | 'unavailable';

export const ERROR_CODES: readonly ErrorCode[] = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'invalid_transition',
  'conflict',
  'not_live',
  'rate_limited',
  'unavailable',
];

// ---- Hub: /hubs/live ----

/** Client-to-server hub methods, by their wire names. */
export const HubMethods = {
  join: 'stream:join',
  leave: 'stream:leave',
  sendChat: 'chat:message',
} as const;

/** The fields every stream event starts with. */
export interface StreamEventBase<TType extends string> {
  type: TType;
  streamId: string;
  /** Per stream, strictly increasing by 1 from one event to the next. */
  seq: number;
  at: Timestamp;
}

export interface ChatMessageEvent extends StreamEventBase<'chat:message'> {
  id: string;
  userId: string;
  handle: string;
  role: Role;
  /** Plain text: render as text, never as HTML. */
  text: string;
}

export interface StreamStateEvent extends StreamEventBase<'stream:state'> {
  status: StreamStatus;
  previousStatus: StreamStatus;
}

export interface ViewersCountEvent extends StreamEventBase<'viewers:count'> {
  count: number;
}

export interface ChatSlowModeEvent extends StreamEventBase<'chat:slowmode'> {
  seconds: number;
}

export type StreamEvent = ChatMessageEvent | StreamStateEvent | ViewersCountEvent | ChatSlowModeEvent;

export type StreamEventType = StreamEvent['type'];

/** Server-to-client hub events; each is sent under its `type` as the method name. */
export const STREAM_EVENT_TYPES = [
  'chat:message',
  'stream:state',
  'viewers:count',
  'chat:slowmode',
] as const satisfies readonly StreamEventType[];

/** The argument of the `chat:message` hub method. */
export interface SendChatRequest {
  streamId: string;
  text: string;
}

/** What `stream:join` returns. */
export interface JoinResult {
  stream: Stream;
  viewerCount: number;
  /** The last 50 chat messages, oldest first. */
  chat: ChatMessageEvent[];
  /** The stream's current sequence number; live events that follow have a higher `seq`. */
  seq: number;
  /** With `sinceSeq`: every event with `sinceSeq < seq ≤ snapshot seq`, oldest first. */
  replay: StreamEvent[];
  /** The server no longer holds all of the replay: rebuild the view from the snapshot. */
  gapTooOld: boolean;
}

/** Chat text limits, as the server enforces them. */
export const CHAT_MAX_LENGTH = 500;
export const SLOW_MODE_MAX_SECONDS = 3600;
