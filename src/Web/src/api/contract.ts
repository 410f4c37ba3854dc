// The wire contract as the app names it. Every shape comes from ./generated/schema.ts, generated from the Api's
// OpenAPI document (REST, and the hub's methods and events beside it; see tools/contract.mjs): nothing here restates
// a field. What is added: the names the app uses for those schemas, the value lists that exist at run time (each
// checked against the generated union, so the server adding or dropping a value is a compile error), the narrower
// views the client reads wire values into (marked as such), and the server's input limits.
import type { components, paths } from './generated/schema';

type Schemas = components['schemas'];

/** Every value of `T`, exactly once: `satisfies AllOf<T>` makes a list missing one a compile error. */
type AllOf<T extends string> = { [K in T]: true };

function valuesOf<T extends string>(all: AllOf<T>): readonly T[] {
  return Object.keys(all) as T[];
}

/** An ISO 8601 UTC timestamp, e.g. `2026-11-24T12:00:00+00:00`. */
export type Timestamp = string;

// ---- Users and streams ----

export type Role = Schemas['ChatMessageEvent']['role'] & ('viewer' | 'creator' | 'admin');
/** The roles `POST /api/auth/dev-login` may grant; `admin` never is. */
export type SignInRole = Exclude<Role, 'admin'>;
/** `UserView` with its role read as a Role (the server writes it from the same enum). */
export type User = Omit<Schemas['UserView'], 'role'> & { role: Role };
export type DevLoginRequest = Omit<Schemas['DevLoginRequest'], 'role'> & { role: SignInRole };
export type DevLoginResponse = Omit<Schemas['SignedIn'], 'user'> & { user: User };
/** The answer to every sign-in and refresh: a short access token (the refresh token stays in its httpOnly cookie). */
export type SignedIn = DevLoginResponse;
/** One of my sessions (`GET /api/me/sessions`). */
export type SessionInfo = Schemas['SessionInfo'];

export type StreamStatus = NonNullable<Schemas['StreamStatus']>;
export const STREAM_STATUSES = valuesOf<StreamStatus>({ scheduled: true, live: true, ended: true, archived: true });
export type Stream = Schemas['StreamInfo'];
export type CreateStreamRequest = Schemas['CreateStreamRequest'];
export type SlowModeRequest = Schemas['SlowModeRequest'];
/** The status moves a creator can ask for: `POST /api/streams/{id}/{move}`. */
export type StreamMove = 'start' | 'end' | 'archive';

// ---- Errors ----

/** An RFC 7807 `application/problem+json` body, with the stable `code` of domain errors. */
export type ProblemDetails = Partial<Schemas['HttpValidationProblemDetails']> & { code?: string };
export type ErrorCode = Schemas['ErrorCode'];
export const ERROR_CODES = valuesOf<ErrorCode>({
  invalid_input: true,
  unauthorized: true,
  forbidden: true,
  not_found: true,
  invalid_transition: true,
  conflict: true,
  not_live: true,
  insufficient_funds: true,
  rate_limited: true,
  unavailable: true,
  blocked: true,
  held: true,
  still_live: true,
  vod_not_ready: true,
  media_not_configured: true,
  too_large: true,
  unsupported_media: true,
  upload_incomplete: true,
  segment_not_ready: true,
  frozen: true,
  not_configured: true,
  invalid_signature: true,
});

// ---- Hub: /hubs/live ----

/** The hub's methods by wire name: their argument tuples and results. */
export type HubMethodTable = Schemas['HubMethods'];
export type HubMethodName = keyof HubMethodTable;
export type HubArgs<M extends HubMethodName> = HubMethodTable[M]['args'];
export type HubResult<M extends HubMethodName> = HubMethodTable[M]['result'];

/** Client-to-server hub methods, by the names the app calls them. */
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
  deleteChat: 'chat:delete',
  timeout: 'moderation:timeout',
  ban: 'moderation:ban',
  unban: 'moderation:unban',
} as const satisfies Record<string, HubMethodName>;

const allHubMethods = Object.fromEntries(Object.values(HubMethods).map((name) => [name, true])) as AllOf<HubMethodName>;
/** Every method the hub has (the table above names each one: `HubMethodsNamed` fails the build otherwise). */
export const HUB_METHOD_NAMES = valuesOf(allHubMethods);
type HubMethodsNamed = HubMethodName extends (typeof HubMethods)[keyof typeof HubMethods] ? true : never;
export const hubMethodsNamed: HubMethodsNamed = true;

export type StreamEvent = Schemas['StreamEvent'];
export type StreamEventType = StreamEvent['type'];
export type StreamEventOf<T extends StreamEventType> = Extract<StreamEvent, { type: T }>;

export type ChatMessageEvent = Schemas['ChatMessageEvent'];
/** Who wrote a chat line: a user's role, or `system` for the platform's own lines (a level milestone). */
export type ChatRole = ChatMessageEvent['role'];
export type StreamStateEvent = Schemas['StreamStateChanged'];
export type ViewersCountEvent = Schemas['ViewerCountChanged'];
export type ChatSlowModeEvent = Schemas['SlowModeChanged'];
export type GiftReceivedEvent = Schemas['GiftReceived'];
export type OverlayTriggerEvent = Schemas['OverlayTriggered'];
export type WheelCommitEvent = Schemas['WheelCommitted'];
export type WheelResultEvent = StreamEventOf<'wheel:result'>;
export type PollCreateEvent = Schemas['PollCreated'];
export type PollUpdateEvent = Schemas['PollUpdated'];
export type PollClosedEvent = Schemas['PollClosed'];
export type MoodStateEvent = Schemas['MoodStateChanged'];
export type QaUpdateEvent = Schemas['QaUpdated'];
export type ChallengeUpdateEvent = Schemas['ChallengeUpdated'];
export type MomentDetectedEvent = Schemas['MomentDetected'];
export type OverlayUpdateEvent = Schemas['OverlayUpdated'];
export type LeaderboardUpdateEvent = Schemas['LeaderboardUpdated'];

/** Every server-to-client stream event, sent under its `type` as the method name: the one list to register. */
export const STREAM_EVENT_TYPES = valuesOf<StreamEventType>({
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
  'chat:delete': true,
  'segment:start': true,
  'segment:end': true,
});

/** Under load an Api node sends a stream's consecutive events together, oldest first, under this name. */
export const STREAM_EVENTS_BATCH = 'stream:events';
export type StreamEventBatch = Schemas['StreamEventBatch'];

export type UserEvent = Schemas['UserEvent'];
export type UserEventType = UserEvent['type'];
export type LevelUpEvent = Schemas['LevelUp'];
export type BadgeEarnedEvent = Schemas['BadgeEarned'];
export type WalletChangedEvent = Schemas['WalletChanged'];
/** The user events' names, registered with the hub apart from STREAM_EVENT_TYPES (outside the sequencer). */
export const USER_EVENT_TYPES = valuesOf<UserEventType>({
  'level:up': true,
  'badge:earned': true,
  'moderation:restricted': true,
  'moderation:lifted': true,
  'segment:processing': true,
  'wallet:changed': true,
  'stream:live': true,
});

export type SegmentStartEvent = Schemas['SegmentStarted'];
export type SegmentEndEvent = Schemas['SegmentEnded'];
export type SegmentProcessingEvent = Schemas['SegmentProcessing'];
export type SegmentView = Schemas['SegmentView'];
export type SegmentQueue = Schemas['SegmentQueue'];
export type SegmentQueueEntry = Schemas['SegmentQueueEntry'];
export type UploadProgress = Schemas['UploadProgress'];

export type SendChatRequest = HubArgs<'chat:message'>[0];
export type JoinResult = HubResult<'stream:join'>;
export type GiftStats = Schemas['GiftStats'];
export type SendGiftRequest = HubArgs<'gift:send'>[0];
export type GiftReceipt = HubResult<'gift:send'>;

// ---- Polls ----

export type Poll = Schemas['Poll'];
/** A poll update merged into the poll the client has: fields it leaves out are kept. */
export type PollPatch = Pick<Poll, 'pollId'> & Partial<Omit<Poll, 'pollId'>>;
export type CreatePollRequest = Omit<HubArgs<'poll:create'>[0], 'options'> & { options: string[] };
export type VoteRequest = Omit<HubArgs<'poll:vote'>[0], 'pollId'> & { pollId: string };
export type ClosePollRequest = Omit<HubArgs<'poll:close'>[0], 'pollId'> & { pollId: string };

// ---- Mood ----

export type Mood = NonNullable<Schemas['MoodKind']>;
export const MOODS = ['hype', 'love', 'laugh', 'wow', 'sad', 'angry'] as const satisfies readonly Mood[];
type MoodsListed = Mood extends (typeof MOODS)[number] ? true : never;
export const moodsListed: MoodsListed = true;
/** The audience's mood: `mood:state`'s fields (also the join snapshot's `mood`). */
export type MoodFields = Pick<MoodStateEvent, 'dominant' | 'intensity' | 'rates' | 'themeEnabled'>;
export type MoodSnapshot = Schemas['MoodSnapshot'];
export type ReactRequest = Omit<HubArgs<'mood:react'>[0], 'mood'> & { mood: Mood };
export type ReactResult = HubResult<'mood:react'>;
export type MoodThemeRequest = Schemas['MoodThemeRequest'];

// ---- Q&A ----

export type QuestionStatus = NonNullable<Schemas['QuestionStatus']>;
export type Question = Schemas['Question'];
export type UserRef = Schemas['UserRef'];
export type AskRequest = HubArgs<'qa:ask'>[0];
export type UpvoteRequest = HubArgs<'qa:upvote'>[0];
export type MarkQuestionRequest = Omit<HubArgs<'qa:mark'>[0], 'status'> & { status: Exclude<QuestionStatus, 'open'> };

// ---- Challenges ----

export type ChallengeKind = NonNullable<Schemas['ChallengeKind']>;
export const CHALLENGE_KINDS = ['gift-tokens', 'reactions', 'chat-messages', 'new-viewers'] as const satisfies readonly ChallengeKind[];
export type ChallengeStatus = NonNullable<Schemas['ChallengeStatus']>;
export type Challenge = Schemas['ChallengeView'];
/** A parameter's value as the client sends it in a mapping or a reward. */
export type CommandParamValue = string | number | string[];
export interface ChallengeReward {
  action: string;
  params?: Record<string, CommandParamValue>;
}
export type StartChallengeRequest = Omit<HubArgs<'challenge:start'>[0], 'kind' | 'reward'> & {
  kind: ChallengeKind;
  reward?: ChallengeReward | null;
};

// ---- Moments ----

export type MomentKind = NonNullable<Schemas['MomentKind']>;
export type Moment = Schemas['Moment'];
export type MarkMomentRequest = HubArgs<'moment:mark'>[0];

// ---- The creator's overlay layout ----

export const THEME_PRESETS = ['default', 'neon', 'sunset', 'forest', 'mono'] as const;
export type ThemePreset = (typeof THEME_PRESETS)[number];
export const VIDEO_FILTERS = ['none', 'vivid', 'warm', 'cool', 'noir', 'vintage'] as const;
export type VideoFilter = (typeof VIDEO_FILTERS)[number];
export const OVERLAY_WIDGET_KINDS = ['banner', 'image', 'goal', 'countdown'] as const;
export type OverlayWidgetKind = (typeof OVERLAY_WIDGET_KINDS)[number];

/** The wire's theme (`preset` is a string there), read into a known preset (overlay/overlayLayout.ts). */
export type ThemeSettings = Partial<Omit<Schemas['ThemeSettings'], 'preset'>> & { preset: ThemePreset };
type WireWidget = Schemas['OverlayWidget'];
/** Where a widget sits over the video, in percentages (0–100) of the video's width and height. */
export type WidgetBox = Pick<WireWidget, 'id' | 'x' | 'y' | 'width' | 'height'>;
// The wire's widget is one record with the fields of every kind; the client reads it into one of these.
export type BannerWidget = WidgetBox & { kind: 'banner'; text: string };
export type ImageWidget = WidgetBox & { kind: 'image'; src: string };
export type GoalWidget = WidgetBox & { kind: 'goal'; label: string; current: number; target: number };
export type CountdownWidget = WidgetBox & { kind: 'countdown'; label: string; endsAt: Timestamp };
export type OverlayWidget = BannerWidget | ImageWidget | GoalWidget | CountdownWidget;
/** A layout as the client reads and sends it (overlay/overlayLayout.ts reads the wire's `Schemas['OverlayLayout']`). */
export interface OverlayLayout {
  theme: ThemeSettings;
  videoFilter: VideoFilter;
  background?: Schemas['OverlayLayout']['background'];
  widgets: OverlayWidget[];
}
export type WireOverlayLayout = Schemas['OverlayLayout'];

// ---- Progression and leaderboards ----

export type ProgressStats = Schemas['ProgressStats'];
export type Progress = Schemas['Progress'];
export type PublicProgress = Schemas['PublicProgress'];
export type HeartbeatRequest = HubArgs<'watch:heartbeat'>[0];
export type ProgressChange = NonNullable<HubResult<'watch:heartbeat'>>;

export const LEADERBOARD_CATEGORIES = ['gifters', 'engaged', 'creator-tokens', 'creator-engagement'] as const;
export type LeaderboardCategory = (typeof LEADERBOARD_CATEGORIES)[number];
/** `all` (all time, the default), `season` (the current one) or `season-{n}`. */
export type LeaderboardScope = 'all' | 'season' | `season-${number}`;
export type LeaderboardEntry = Schemas['BoardEntry'];
export type MyRank = Schemas['BoardRank'];
export type Season = Schemas['Season'];
export type SeasonStandings = Schemas['SeasonStandings'];

// ---- Gifts and wallets ----

export type GiftRarity = NonNullable<Schemas['Rarity']>;
export const GIFT_RARITIES = valuesOf<GiftRarity>({ common: true, rare: true, epic: true, legendary: true });
export type Gift = Schemas['Gift'];
/** A gift as `gift:received` describes it (the catalog entry without its price). */
export type GiftRef = GiftReceivedEvent['gift'];
export type LedgerKind = NonNullable<Schemas['LedgerKind']>;
export type LedgerAccount = NonNullable<Schemas['LedgerAccount']>;
export type LedgerEntry = Schemas['LedgerEntry'];
/** Which ledger a wallet page lists: `spendable` (the default) or `earnings`. */
export type LedgerName = 'spendable' | 'earnings';
export type WalletPage = Schemas['WalletView'];
export interface WalletQuery {
  limit?: number;
  before?: number;
  ledger?: LedgerName;
}

// ---- Command gifts ----

/** The overlay actions `overlay:trigger` runs (the server's whitelist is `GET /api/commands`). */
export const OVERLAY_ACTIONS = ['confetti', 'spotlight-message', 'theme-flash', 'sound-effect', 'spin-wheel', 'slow-mo-chat'] as const;
export type OverlayAction = (typeof OVERLAY_ACTIONS)[number];
export const SOUND_NAMES = ['airhorn', 'applause', 'drumroll', 'tada', 'boing'] as const;
export type SoundName = (typeof SOUND_NAMES)[number];
/** The kinds of parameter `GET /api/commands` describes; a kind the editor does not know is edited as text. */
export type CommandParamType = 'color' | 'int' | 'number' | 'string' | 'enum' | 'string[]';
/** A parameter of `GET /api/commands` as the editor reads it (a kind it does not know becomes `string`). */
export type CommandParamSpec = Omit<Schemas['CommandParamView'], 'type' | 'min' | 'max' | 'values'> & {
  type: CommandParamType;
  min?: number | null;
  max?: number | null;
  values?: string[] | null;
};
/** An action of `GET /api/commands` as the editor reads it. */
export type CommandSpec = Omit<Schemas['CommandView'], 'params' | 'description' | 'defaults'> & {
  params: CommandParamSpec[];
  description?: string;
  defaults?: Record<string, unknown>;
};
export interface CommandMapping {
  giftCode: string;
  action: string;
  params: Record<string, CommandParamValue>;
}
/** `GET`/`PUT /api/streams/{id}/command-gifts`, with each mapping's params read as values. */
export interface CommandGiftsConfig {
  mappings: CommandMapping[];
  cooldowns: Record<string, number>;
}
/** `GET`/`PUT /api/streams/{id}/command-gifts`'s answer, as sent (each mapping's params any JSON object). */
export type CommandGiftsView = Schemas['CommandGiftsView'];
export type WheelHistory = Schemas['WheelHistory'];

// ---- Creator analytics ----

/** `GET /api/streams/{id}/analytics`: the range's totals, one row per minute, the retention curve. */
export type StreamAnalytics = Schemas['StreamAnalytics'];
export type AnalyticsSummary = Schemas['AnalyticsSummary'];
/** One minute; `reactions` is keyed by lower-case mood name. */
export type AnalyticsMinute = Schemas['AnalyticsMinute'];
export type RetentionPoint = Schemas['RetentionPoint'];
/** The `from`/`to` query of both analytics endpoints (ISO timestamps; either may be left out). */
export type AnalyticsRange = NonNullable<paths['/api/streams/{id}/analytics']['get']['parameters']['query']>;

// ---- The server's input limits (its rules; PROTOCOL.md names them) ----

export const POLL_QUESTION_MAX = 200;
export const POLL_OPTION_MAX = 80;
export const POLL_OPTIONS_MIN = 2;
export const POLL_OPTIONS_MAX = 6;
export const POLL_DURATION_MIN_SECONDS = 10;
export const POLL_DURATION_MAX_SECONDS = 1800;
export const QA_TEXT_MAX = 300;
export const CHALLENGE_TARGET_MIN = 1;
export const CHALLENGE_TARGET_MAX = 10_000_000;
export const CHALLENGE_DURATION_MIN_SECONDS = 10;
export const CHALLENGE_DURATION_MAX_SECONDS = 3600;
export const MOMENT_NOTE_MAX = 120;
export const OVERLAY_WIDGETS_MAX = 8;
export const OVERLAY_BANNER_MAX = 140;
export const OVERLAY_LABEL_MAX = 60;
export const GIFT_COUNT_MIN = 1;
export const GIFT_COUNT_MAX = 100;
export const COOLDOWN_MAX_SECONDS = 3600;
export const CHAT_MAX_LENGTH = 500;
export const SLOW_MODE_MAX_SECONDS = 3600;

// Sign-in providers, the handle picker and linked providers (features/signin).
export type SignInOptions = Schemas['SignInOptions'];
export type SignInProvider = Schemas['SignInProvider'];
export type PendingSignUp = Schemas['PendingSignUp'];
export type SignUpRequest = Omit<Schemas['SignUpRequest'], 'role'> & { role: SignInRole };
export type LinkedLogin = Schemas['LinkedLogin'];
// ---- Accounts: profiles, roles, the audit log ----

/** `GET /api/users/{id}`: a user as anyone sees them. */
export type PublicProfile = Omit<Schemas['PublicProfile'], 'role'> & { role: Role };
export type ProfileChangeRequest = Schemas['ProfileChangeRequest'];
export type RoleChangeRequest = Omit<Schemas['RoleChangeRequest'], 'role'> & { role: Role };
export type RoleChanged = Omit<Schemas['RoleChanged'], 'user'> & { user: User };
export type AuditLog = Schemas['AuditLogView'];
export type AuditEntry = Schemas['AuditEntryView'];
/** The filters of `GET /api/admin/audit`; `before` is the `next` of the page before. */
export type AuditQuery = NonNullable<paths['/api/admin/audit']['get']['parameters']['query']>;

/** The server's profile limits (ProfileRules.cs). */
export const PROFILE_LIMITS = {
  displayName: 40,
  bio: 300,
  url: 300,
  links: 5,
  linkLabel: 30,
  avatarBytes: 256 * 1024,
  avatarTypes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
} as const;
// ---- Moderation ----

export type DeleteChatRequest = HubArgs<'chat:delete'>[0];
export type TimeoutUserRequest = HubArgs<'moderation:timeout'>[0];
export type BanUserRequest = HubArgs<'moderation:ban'>[0];
export type Restriction = Schemas['Restriction'];
export type ModerationRestrictedEvent = Extract<UserEvent, { type: 'moderation:restricted' }>;
export type ModeratorStatus = Schemas['ModeratorStatus'];
export type ModerationView = Schemas['ModerationView'];
export type BlockedTerm = Schemas['BlockedTerm'];
export type TermAction = BlockedTerm['action'];
export type HeldMessage = Schemas['HeldMessage'];
export type AuditPage = Schemas['AuditPage'];
/** A user's report of a chat message or of a user; `resolution` once a moderator or admin resolved it. */
export type Report = Schemas['Report'];
export type ReportRequest = Schemas['ReportRequest'];
/** The server's limit on a report's reason and a resolution (ReportsApi.MaxReasonLength). */
export const REPORT_TEXT_MAX = 500;

// ---- VOD ----

export type VodView = Schemas['VodView'];
export type VodTimelinePage = Schemas['VodTimelinePage'];
export type VodMoment = Schemas['VodMomentView'];
/** Live video: whether LiveKit is configured, and a room token (media feature). */
export type MediaConfig = Schemas['MediaConfig'];
export type MediaToken = Schemas['MediaToken'];

// ---- Store and payouts ----

export type TokenPack = Schemas['TokenPack'];
export type StoreView = Schemas['StoreView'];
export type CheckoutView = Schemas['CheckoutView'];
export type PurchaseView = Schemas['PurchaseView'];
export type PayoutView = Schemas['PayoutView'];
export type PayoutsView = Schemas['PayoutsView'];
export type PayoutBalance = Schemas['PayoutBalance'];
export type Statement = Schemas['Statement'];
export type StatementLine = Schemas['StatementLine'];

// ---- Discovery and follows ----

export type RecommendationList = Schemas['RecommendationList'];
export type Recommendation = Schemas['Recommendation'];
export type RecommendationReason = Schemas['RecommendationReason'];
export type RecommendationReasonKind = RecommendationReason['kind'];
export type FollowChange = Schemas['FollowChange'];
export type FollowingCreator = Schemas['FollowingView'];
export type StreamLiveEvent = Schemas['StreamLiveNotice'];

/** The most items one recommendation request may ask for (GET /api/recommendations?limit=). */
export const MAX_RECOMMENDATIONS = 50;
