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
  | 'insufficient_funds'
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
  'insufficient_funds',
  'rate_limited',
  'unavailable',
];

// ---- Hub: /hubs/live ----

/** Client-to-server hub methods, by their wire names. */
export const HubMethods = {
  join: 'stream:join',
  leave: 'stream:leave',
  sendChat: 'chat:message',
  sendGift: 'gift:send',
  createPoll: 'poll:create',
  vote: 'poll:vote',
  closePoll: 'poll:close',
  react: 'mood:react',
  ask: 'qa:ask',
  upvote: 'qa:upvote',
  markQuestion: 'qa:mark',
  startChallenge: 'challenge:start',
  markMoment: 'moment:mark',
  heartbeat: 'watch:heartbeat',
} as const;

/** The fields every stream event starts with. */
export interface StreamEventBase<TType extends string> {
  type: TType;
  streamId: string;
  /** Per stream, strictly increasing by 1 from one event to the next. */
  seq: number;
  at: Timestamp;
}

/** Who wrote a chat line: a user's role, or `system` for the platform's own lines (a level milestone). */
export type ChatRole = Role | 'system';

export interface ChatMessageEvent extends StreamEventBase<'chat:message'> {
  id: string;
  userId: string;
  /** `LiveStreamX` on a `system` line. */
  handle: string;
  role: ChatRole;
  /** Plain text: render as text, never as HTML. */
  text: string;
  /** The sender's level (absent from older servers, and from system lines). */
  level?: number;
  /** Up to three of the sender's badge codes, to show beside the name. */
  badges?: string[];
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

/** Who did something, as events name them. */
export interface UserRef {
  userId: string;
  handle: string;
}

/** A gift as `gift:received` describes it (the catalog entry without its price). */
export interface GiftRef {
  code: string;
  name: string;
  animationKey: string;
  rarity: GiftRarity;
}

export interface GiftReceivedEvent extends StreamEventBase<'gift:received'> {
  transferId: string;
  from: UserRef;
  gift: GiftRef;
  count: number;
  /** Tokens this gift moved (`tokenCost × count`). */
  tokens: number;
  /** Stays the same while one sender sends one gift again within 3 s. */
  comboId: string;
  /** The combo's running count: grows by `count` with every gift of the combo. */
  combo: number;
  /** Tokens gifted to the stream so far. */
  streamTotal: number;
}

/** An overlay action's parameters as sent; each action reads its own (see OVERLAY_ACTIONS). */
export type OverlayParams = Record<string, unknown>;

export interface OverlayTriggerEvent extends StreamEventBase<'overlay:trigger'> {
  triggerId: string;
  /** One of OVERLAY_ACTIONS; clients ignore actions they do not know. */
  action: string;
  params: OverlayParams;
  by: UserRef;
  giftCode: string;
  /** How many gifts this trigger stands for: more than one when the server folded queued triggers together. */
  repeat?: number;
}

/** Wheel rounds are numbered per stream; kept opaque (compared as strings). */
export type WheelRoundId = number | string;

export interface WheelCommitEvent extends StreamEventBase<'wheel:commit'> {
  roundId: WheelRoundId;
  /** hex(SHA-256(seed)), over the seed's ASCII bytes. */
  seedHash: string;
}

export interface WheelResultEvent extends StreamEventBase<'wheel:result'> {
  roundId: WheelRoundId;
  /** 64 hex characters, revealed. */
  seed: string;
  seedHash: string;
  /** The gift transfer that spun the wheel; part of the segment's hash. */
  giftEventId: string;
  segments: string[];
  segmentIndex: number;
}

// ---- Engagement: polls ----

/** A poll as the server shows it (`poll:create`'s answer and event, `poll:vote`'s answer, `GET /api/streams/{id}/poll`). */
export interface Poll {
  pollId: string;
  /** 1–200 characters. */
  question: string;
  /** 2–6 options of 1–80 characters; votes name one by its index. */
  options: string[];
  /** Votes per option, in the order of `options`. */
  tallies: number[];
  totalVotes: number;
  opensAt: Timestamp;
  closesAt: Timestamp;
  closed: boolean;
  /** Once closed: the indexes of the options with the most votes. */
  winners?: number[];
}

/**
 * `poll:update` carries `pollId`, `tallies` and `totalVotes`; PROTOCOL.md elides the rest (`…`), so the client
 * merges it into the poll it has instead of relying on the other fields.
 */
export type PollPatch = Pick<Poll, 'pollId'> & Partial<Omit<Poll, 'pollId'>>;

export interface PollCreateEvent extends StreamEventBase<'poll:create'> {
  poll: Poll;
}

/** Live tallies, at most every 250 ms while votes come in. */
export interface PollUpdateEvent extends StreamEventBase<'poll:update'> {
  poll: PollPatch;
}

/** The final result: `closed: true` and `winners`. */
export interface PollClosedEvent extends StreamEventBase<'poll:closed'> {
  poll: Poll;
}

/** The argument of the `poll:create` hub method (the stream's creator or an admin). */
export interface CreatePollRequest {
  streamId: string;
  question: string;
  options: string[];
  /** 10–1800. */
  durationSeconds: number;
}

/** The argument of the `poll:vote` hub method: one vote per user, for the option at index `option`. */
export interface VoteRequest {
  streamId: string;
  pollId: string;
  option: number;
}

/** The argument of the `poll:close` hub method. */
export interface ClosePollRequest {
  streamId: string;
  pollId: string;
}

export const POLL_QUESTION_MAX = 200;
export const POLL_OPTION_MAX = 80;
export const POLL_OPTIONS_MIN = 2;
export const POLL_OPTIONS_MAX = 6;
export const POLL_DURATION_MIN_SECONDS = 10;
export const POLL_DURATION_MAX_SECONDS = 1800;

// ---- Mood ----

export const MOODS = ['hype', 'love', 'laugh', 'wow', 'sad', 'angry'] as const;

export type Mood = (typeof MOODS)[number];

/** The audience's mood: `mood:state`, and the join snapshot's `mood`. */
export interface MoodFields {
  /** The mood with the highest rate; null when every rate is 0. */
  dominant: Mood | null;
  /** `1 − e^(−total/20)` of the rates: 0 when quiet, towards 1 as the audience gets loud. */
  intensity: number;
  /** Reactions per second, exponentially decayed (5 s half-life). */
  rates: Partial<Record<Mood, number>>;
  /** The creator's switch for the web client's mood theme. */
  themeEnabled: boolean;
}

export interface MoodStateEvent extends StreamEventBase<'mood:state'>, MoodFields {}

/** `GET /api/streams/{id}/mood` (and `PUT …/mood-theme`'s answer): the state and the exact totals per mood. */
export interface MoodSnapshot extends MoodFields {
  /** Not named in PROTOCOL.md ("the exact total of reactions per mood"); the server sends `totals`. */
  totals?: Partial<Record<Mood, number>>;
}

/** The argument of the `mood:react` hub method: `count` taps of one mood. */
export interface ReactRequest {
  streamId: string;
  mood: Mood;
  /**
   * How many taps of `mood` the viewer made since the client last sent that mood: an integer from 1 to 10, 1 when
   * absent; anything else is refused as `invalid_input`. The client sums the taps of a mood made within 250 ms of
   * its last send into one message (features/mood/reactionBatch.ts).
   */
  count?: number;
}

/**
 * What `mood:react` returns: false when the message's taps would take the user over 10 a second (counted by
 * `count`): then none of them counted. Dropped, not an error.
 */
export interface ReactResult {
  accepted: boolean;
}

/** `PUT /api/streams/{id}/mood-theme` (the creator or an admin). */
export interface MoodThemeRequest {
  enabled: boolean;
}

// ---- Engagement: Q&A ----

export type QuestionStatus = 'open' | 'answered' | 'dismissed';

/** A viewer's question as everyone sees it (`qa:update`, `qa:ask`'s answer, `GET /api/streams/{id}/questions`). */
export interface Question {
  questionId: string;
  /** 1–300 characters. Plain text: render as text, never as HTML. */
  text: string;
  by: UserRef;
  upvotes: number;
  status: QuestionStatus;
  askedAt: Timestamp;
}

/** A question was asked, upvoted or marked: the question as it now is. */
export interface QaUpdateEvent extends StreamEventBase<'qa:update'> {
  question: Question;
}

/** The argument of the `qa:ask` hub method: one question per 10 s per user (`rate_limited`). */
export interface AskRequest {
  streamId: string;
  text: string;
}

/** The argument of the `qa:upvote` hub method: once per user and question (`conflict` the second time). */
export interface UpvoteRequest {
  streamId: string;
  questionId: string;
}

/** The argument of the `qa:mark` hub method (the stream's creator or an admin). */
export interface MarkQuestionRequest {
  streamId: string;
  questionId: string;
  status: Exclude<QuestionStatus, 'open'>;
}

export const QA_TEXT_MAX = 300;

// ---- Engagement: challenges ----

export const CHALLENGE_KINDS = ['gift-tokens', 'reactions', 'chat-messages', 'new-viewers'] as const;

export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];

export type ChallengeStatus = 'running' | 'completed' | 'failed';

/** A stream goal (`challenge:update`, `challenge:start`'s answer, `GET /api/streams/{id}/challenge`, the join snapshot). */
export interface Challenge {
  challengeId: string;
  kind: ChallengeKind;
  target: number;
  progress: number;
  startsAt: Timestamp;
  endsAt: Timestamp;
  status: ChallengeStatus;
  /** The overlay action that runs on completion (the server sends it; its parameters stay server-side). */
  rewardAction?: string | null;
}

/** Progress (at most 4 a second), or the end: `completed` (then the reward's `overlay:trigger`) or `failed`. */
export interface ChallengeUpdateEvent extends StreamEventBase<'challenge:update'> {
  challenge: Challenge;
}

/** An overlay action to run when the challenge completes, checked like a command gift (`reward.params.color`). */
export interface ChallengeReward {
  action: string;
  params?: Record<string, CommandParamValue>;
}

/** The argument of the `challenge:start` hub method (the stream's creator or an admin; one at a time). */
export interface StartChallengeRequest {
  streamId: string;
  kind: ChallengeKind;
  /** 1–10,000,000. */
  target: number;
  /** 10–3600. */
  durationSeconds: number;
  reward?: ChallengeReward | null;
}

export const CHALLENGE_TARGET_MIN = 1;
export const CHALLENGE_TARGET_MAX = 10_000_000;
export const CHALLENGE_DURATION_MIN_SECONDS = 10;
export const CHALLENGE_DURATION_MAX_SECONDS = 3600;

// ---- Engagement: highlight moments ----

export type MomentKind = 'reactions' | 'gifts' | 'manual';

/** A highlight of a stream (`moment:detected`, `moment:mark`'s answer, `GET /api/streams/{id}/moments`). */
export interface Moment {
  /** `{streamId}.{n}`. */
  momentId: string;
  /** The server sends it; not in PROTOCOL.md's example. */
  streamId?: string;
  at: Timestamp;
  kind: MomentKind;
  /** The z-score of the spike; 1 for a manual mark. */
  intensity: number;
  /** A manual mark's note (plain text), or null. */
  note: string | null;
  /** The stream's seq when it happened. */
  streamSeq: number;
  /** `/m/{momentId}`: the server-rendered share page. */
  sharePath: string;
}

export interface MomentDetectedEvent extends StreamEventBase<'moment:detected'> {
  moment: Moment;
}

/** The argument of the `moment:mark` hub method: once per 30 s per user (`rate_limited`). */
export interface MarkMomentRequest {
  streamId: string;
  /** Up to 120 characters. */
  note?: string | null;
}

export const MOMENT_NOTE_MAX = 120;

// ---- Engagement: the creator's overlay layout ----

export const THEME_PRESETS = ['default', 'neon', 'sunset', 'forest', 'mono'] as const;

export type ThemePreset = (typeof THEME_PRESETS)[number];

export const VIDEO_FILTERS = ['none', 'vivid', 'warm', 'cool', 'noir', 'vintage'] as const;

export type VideoFilter = (typeof VIDEO_FILTERS)[number];

export const OVERLAY_WIDGET_KINDS = ['banner', 'image', 'goal', 'countdown'] as const;

export type OverlayWidgetKind = (typeof OVERLAY_WIDGET_KINDS)[number];

export const OVERLAY_WIDGETS_MAX = 8;
export const OVERLAY_BANNER_MAX = 140;
export const OVERLAY_LABEL_MAX = 60;

export interface ThemeSettings {
  preset: ThemePreset;
  /** `#rrggbb`, or null for the preset's own. */
  accent?: string | null;
  accent2?: string | null;
}

/** Where a widget sits over the video, in percentages (0–100) of the video's width and height. */
export interface WidgetBox {
  /** 1–32 of `[A-Za-z0-9_-]`, unique in the layout. */
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BannerWidget extends WidgetBox {
  kind: 'banner';
  /** 1–140 characters of plain text. */
  text: string;
}

export interface ImageWidget extends WidgetBox {
  kind: 'image';
  /** An `https://` URL or a path under `/assets/`. */
  src: string;
}

export interface GoalWidget extends WidgetBox {
  kind: 'goal';
  label: string;
  current: number;
  target: number;
}

export interface CountdownWidget extends WidgetBox {
  kind: 'countdown';
  label: string;
  endsAt: Timestamp;
}

export type OverlayWidget = BannerWidget | ImageWidget | GoalWidget | CountdownWidget;

/** `GET`/`PUT /api/streams/{id}/overlay`, `overlay:update`'s `layout` and the join snapshot's `overlay`. */
export interface OverlayLayout {
  theme: ThemeSettings;
  videoFilter: VideoFilter;
  /** An `https://` URL or a path under `/assets/`, or null. */
  background?: string | null;
  /** Drawn in list order; at most 8. */
  widgets: OverlayWidget[];
}

/** The creator saved a new layout. */
export interface OverlayUpdateEvent extends StreamEventBase<'overlay:update'> {
  layout: OverlayLayout;
}

// ---- Progression and leaderboards ----

/** A user's counters, as `GET /api/me/progress` sends them (the server may add more; read defensively). */
export interface ProgressStats {
  giftsSent?: number;
  tokensGifted?: number;
  chatMessages?: number;
  pollVotes?: number;
  questions?: number;
  reactions?: number;
  watchHeartbeats?: number;
  watchStreakDays?: number;
  nightHeartbeats?: number;
  topThreeGifter?: number;
  peakViewers?: number;
  tokensReceived?: number;
  hoursStreamed?: number;
  [name: string]: unknown;
}

/** My progression: `GET /api/me/progress`, and the `progress` of a heartbeat's answer. */
export interface Progress {
  userId: string;
  xp: number;
  level: number;
  /** The total XP that reaches the next level. */
  xpForNextLevel: number;
  /** Badge codes, in the order earned. */
  badges: string[];
  stats: ProgressStats;
  creatorXp: number;
  creatorLevel: number;
}

/** Anyone's public progression: `GET /api/users/{id}/progress` (`404` for an unknown user). */
export interface PublicProgress {
  userId: string;
  handle: string;
  level: number;
  xp: number;
  badges: string[];
  creatorLevel: number;
}

/** The argument of the `watch:heartbeat` hub method, every 30 s while a stream's page is open. */
export interface HeartbeatRequest {
  streamId: string;
  visible: boolean;
}

/** What one activity earned (`watch:heartbeat`'s answer; null when not visible). */
export interface ProgressChange {
  xpGained: number;
  /** The level reached, when this activity reached a new one. */
  levelReached: number | null;
  badgesEarned: string[];
  progress: Progress;
}

/** The fields every user event starts with: no `streamId`, no `seq` (they are not stream events). */
export interface UserEventBase<TType extends string> {
  type: TType;
  userId: string;
  at: Timestamp;
}

export interface LevelUpEvent extends UserEventBase<'level:up'> {
  level: number;
  xp: number;
  xpForNextLevel: number;
}

export interface BadgeEarnedEvent extends UserEventBase<'badge:earned'> {
  badge: string;
  name: string;
  description: string;
}

/** Events sent to every connection of the signed-in user, whatever stream they watch. Never sequenced. */
export type UserEvent = LevelUpEvent | BadgeEarnedEvent;

export type UserEventType = UserEvent['type'];

const USER_EVENT_NAMES = {
  'level:up': true,
  'badge:earned': true,
} as const satisfies Record<UserEventType, true>;

/** The user events' names, registered with the hub apart from STREAM_EVENT_TYPES (outside the sequencer). */
export const USER_EVENT_TYPES: readonly UserEventType[] = Object.keys(USER_EVENT_NAMES) as UserEventType[];

export const LEADERBOARD_CATEGORIES = ['gifters', 'engaged', 'creator-tokens', 'creator-engagement'] as const;

export type LeaderboardCategory = (typeof LEADERBOARD_CATEGORIES)[number];

/** `all` (all time, the default), `season` (the current one) or `season-{n}`. */
export type LeaderboardScope = 'all' | 'season' | `season-${number}`;

/** One row of a board. */
export interface LeaderboardEntry {
  userId: string;
  handle: string;
  score: number;
}

/** `GET /api/leaderboards/{category}/me`: my place and the users around me (`404` when I am not on the board). */
export interface MyRank {
  rank: number;
  entry: LeaderboardEntry;
  /** The users just above me, best first. */
  above: LeaderboardEntry[];
  below: LeaderboardEntry[];
}

/** `GET /api/seasons/current`: the weekly season. */
export interface Season {
  number: number;
  startsAt: Timestamp;
  endsAt: Timestamp;
}

/** `GET /api/seasons/{n}`: a finished season's top 100 per category. */
export interface SeasonStandings {
  season: Season;
  boards: Partial<Record<LeaderboardCategory, LeaderboardEntry[]>>;
}

/** A stream's live board of top gifters, at most once a second while gifts come in. */
export interface LeaderboardUpdateEvent extends StreamEventBase<'leaderboard:update'> {
  board: string;
  entries: LeaderboardEntry[];
}

export type StreamEvent =
  | ChatMessageEvent
  | StreamStateEvent
  | ViewersCountEvent
  | ChatSlowModeEvent
  | GiftReceivedEvent
  | OverlayTriggerEvent
  | WheelCommitEvent
  | WheelResultEvent
  | PollCreateEvent
  | PollUpdateEvent
  | PollClosedEvent
  | MoodStateEvent
  | QaUpdateEvent
  | ChallengeUpdateEvent
  | MomentDetectedEvent
  | OverlayUpdateEvent
  | LeaderboardUpdateEvent;

export type StreamEventType = StreamEvent['type'];

/**
 * Every server-to-client stream event, by the name it is sent under (its `type`). The hub client registers each
 * of these names: an event it did not register would never reach the sequencer, and the next event's seq would
 * look like a gap (a re-join every time). `satisfies` makes a name missing from here, or one the StreamEvent union
 * does not know, a compile error.
 */
const STREAM_EVENT_NAMES = {
  'chat:message': true,
  'stream:state': true,
  'viewers:count': true,
  'chat:slowmode': true,
  'gift:received': true,
  'overlay:trigger': true,
  'wheel:commit': true,
  'wheel:result': true,
  'poll:create': true,
  'poll:update': true,
  'poll:closed': true,
  'mood:state': true,
  'qa:update': true,
  'challenge:update': true,
  'moment:detected': true,
  'overlay:update': true,
  'leaderboard:update': true,
} as const satisfies Record<StreamEventType, true>;

/** Server-to-client hub events; each is sent under its `type` as the method name. The one list to register. */
export const STREAM_EVENT_TYPES: readonly StreamEventType[] = Object.keys(STREAM_EVENT_NAMES) as StreamEventType[];

/**
 * Under load an Api node sends a stream's events together: `stream:events` carries consecutive events of one stream,
 * oldest first, each exactly as it would have come alone. Clients unpack it and handle each event in order.
 */
export const STREAM_EVENTS_BATCH = 'stream:events';

/** The argument of `stream:events`. */
export interface StreamEventBatch {
  streamId: string;
  events: StreamEvent[];
}

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
  /** The stream's gift total and top gifters as of `seq` (sent by the server, not in PROTOCOL.md yet). */
  gifts?: GiftStats;
  /** The open poll, or the last closed one; null when the stream never had one. Absent from older servers. */
  poll?: Poll | null;
  /**
   * The audience's mood as of `seq`: its last `mood:state`, or null before any. PROTOCOL.md's Engagement section
   * does not name this field yet; missing or null, the client asks `GET /api/streams/{id}/mood`.
   */
  mood?: MoodFields | null;
  /** The running or last challenge; null when the stream never had one. Absent from older servers. */
  challenge?: Challenge | null;
  /** The creator's layout (the default one until they save theirs). Absent from older servers. */
  overlay?: OverlayLayout;
}

/** A stream's gift total and its top gifters. */
export interface GiftStats {
  totalTokens: number;
  topGifters: { userId: string; handle: string; tokens: number }[];
}

/** The argument of the `gift:send` hub method. */
export interface SendGiftRequest {
  streamId: string;
  giftCode: string;
  /** 1–100. */
  count: number;
  /** 8–64 of `[A-Za-z0-9_-]`; the same key returns the first receipt and moves no tokens again. */
  idempotencyKey: string;
}

/** What `gift:send` returns. */
export interface GiftReceipt {
  transferId: string;
  streamId: string;
  giftCode: string;
  count: number;
  tokens: number;
  /** The sender's spendable balance after this gift. */
  balance: number;
  /** In PROTOCOL.md's example; the server does not send them (the `gift:received` broadcast carries the combo). */
  comboId?: string;
  combo?: number;
  /** The key had been used: this is the first receipt again and no tokens moved. */
  duplicate: boolean;
}

export const GIFT_COUNT_MIN = 1;
export const GIFT_COUNT_MAX = 100;

// ---- Gifts and wallets ----

export type GiftRarity = 'common' | 'rare' | 'epic' | 'legendary';

export const GIFT_RARITIES: readonly GiftRarity[] = ['common', 'rare', 'epic', 'legendary'];

/** One entry of `GET /api/gifts`. */
export interface Gift {
  code: string;
  name: string;
  tokenCost: number;
  animationKey: string;
  rarity: GiftRarity;
  /** The overlay action the gift runs by default; a creator's own mapping wins. */
  commandAction: string | null;
}

export type LedgerKind = 'grant' | 'purchase' | 'gift-debit' | 'earning' | 'platform-share' | 'refund' | 'adjustment';

export type LedgerAccount = 'spendable' | 'earnings' | 'platform';

export interface LedgerEntry {
  no: number;
  kind: LedgerKind;
  /** Signed: negative moves tokens out of `account`. */
  amount: number;
  account: LedgerAccount;
  /** The other side, a user id, when there is one. */
  counterparty: string | null;
  idempotencyKey: string | null;
  /** What it is about (a gift's transfer id, …). */
  reference: string | null;
  at: Timestamp;
  // Sent by the server beyond PROTOCOL.md:
  balanceAfter?: number;
  streamId?: string | null;
  giftCode?: string | null;
  count?: number;
}

/** Which ledger a wallet page lists: `spendable` (the default) or `earnings`. */
export type LedgerName = 'spendable' | 'earnings';

/** `GET /api/me/wallet?limit=&before=`: a page of the ledger, newest first. */
export interface WalletPage {
  balance: number;
  earnings: number;
  /** The ledger listed (the server sends it; not in PROTOCOL.md yet). */
  ledger?: LedgerName;
  entries: LedgerEntry[];
  /** Pass as `before` for the next (older) page; absent or null at the end. */
  nextBefore?: number | null;
}

export interface WalletQuery {
  limit?: number;
  before?: number;
  /** `?ledger=`: the server lists one ledger per request (spendable by default). */
  ledger?: LedgerName;
}

// ---- Command gifts ----

/** The overlay actions of PROTOCOL.md "Command gifts", which `overlay:trigger` runs. */
export const OVERLAY_ACTIONS = [
  'confetti',
  'spotlight-message',
  'theme-flash',
  'sound-effect',
  'spin-wheel',
  'slow-mo-chat',
] as const;

export type OverlayAction = (typeof OVERLAY_ACTIONS)[number];

export const SOUND_NAMES = ['airhorn', 'applause', 'drumroll', 'tada', 'boing'] as const;

export type SoundName = (typeof SOUND_NAMES)[number];

/**
 * The kinds of parameter `GET /api/commands` describes. The editor renders one field per kind; a kind it does
 * not know is edited as text.
 */
export type CommandParamType = 'color' | 'int' | 'number' | 'string' | 'enum' | 'string[]';

/** One parameter of a whitelisted action, as `GET /api/commands` describes it. */
export interface CommandParamSpec {
  name: string;
  type: CommandParamType;
  required: boolean;
  /** For numbers the value's bounds; for strings their length; for lists their number of items. */
  min?: number | null;
  max?: number | null;
  /** For `enum`: the allowed values. */
  values?: string[] | null;
}

/** One whitelisted action with its parameters: an entry of `GET /api/commands`. */
export interface CommandSpec {
  action: string;
  params: CommandParamSpec[];
  /** A sentence for people (the server sends it; not in PROTOCOL.md yet). */
  description?: string;
  /** Suggested parameters for a new mapping (likewise). */
  defaults?: Record<string, unknown>;
}

/** A parameter's value as sent in a mapping. */
export type CommandParamValue = string | number | string[];

export interface CommandMapping {
  giftCode: string;
  action: string;
  params: Record<string, CommandParamValue>;
}

/** `GET`/`PUT /api/streams/{id}/command-gifts`. */
export interface CommandGiftsConfig {
  mappings: CommandMapping[];
  /** Seconds between two runs of an action, by action. */
  cooldowns: Record<string, number>;
}

/**
 * `GET /api/streams/{id}/wheel`: the open commitment and the last revealed rounds, newest first. PROTOCOL.md names
 * the endpoint but not its shape; this is what the server sends.
 */
export interface WheelHistory {
  roundId: WheelRoundId | null;
  seedHash: string | null;
  revealed: Omit<WheelResultEvent, 'type' | 'streamId' | 'seq' | 'at'>[];
}

/** Cooldowns the server accepts, in seconds (its rule; not in PROTOCOL.md yet). */
export const COOLDOWN_MAX_SECONDS = 3600;

/** Chat text limits, as the server enforces them. */
export const CHAT_MAX_LENGTH = 500;
export const SLOW_MODE_MAX_SECONDS = 3600;
