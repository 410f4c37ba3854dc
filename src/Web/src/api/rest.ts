import createClient, { type Client } from 'openapi-fetch';
import { ApiError, problemToError } from './errors';
import type { paths } from './generated/schema';
import type {
  AnalyticsRange,
  Challenge,
  CommandGiftsConfig,
  CommandGiftsView,
  CreateStreamRequest,
  DevLoginRequest,
  DevLoginResponse,
  LinkedLogin,
  PendingSignUp,
  SignInOptions,
  SignUpRequest,
  Gift,
  LeaderboardCategory,
  LeaderboardEntry,
  LeaderboardScope,
  Moment,
  MoodSnapshot,
  MoodThemeRequest,
  MyRank,
  OverlayLayout,
  WireOverlayLayout,
  Poll,
  ProblemDetails,
  Progress,
  PublicProgress,
  Question,
  Season,
  SeasonStandings,
  SessionInfo,
  SignedIn,
  SlowModeRequest,
  Stream,
  StreamAnalytics,
  StreamMove,
  StreamStatus,
  User,
  WheelHistory,
  WalletPage,
  WalletQuery,
  AuditLog,
  AuditQuery,
  ProfileChangeRequest,
  PublicProfile,
  RoleChangeRequest,
  RoleChanged,
  ModeratorStatus,
  ModerationView,
  BlockedTerm,
  HeldMessage,
  AuditPage,
  Report,
  ReportRequest,
  VodTimelinePage,
  VodView,
  MediaConfig,
  MediaToken,
  SegmentQueue,
  SegmentView,
  UploadProgress,
  StoreView,
  CheckoutView,
  PurchaseView,
  PayoutView,
  PayoutsView,
  Statement,
  RecommendationList,
  FollowChange,
  FollowingCreator,
} from './contract';

export interface RestClientOptions {
  /** The bearer token to send, read on every request; null sends none. */
  getToken: () => string | null;
  /** Called when a request that carried a token answers 401: the token expired or was revoked. */
  onUnauthorized?: () => void;
  /** Prefix of every path; '' means the page's own origin. */
  baseUrl?: string;
}

function isProblem(value: unknown): value is ProblemDetails {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Typed calls to the REST API under /api, through openapi-fetch over the generated `paths`: a path, parameter or
 * body the server does not have is a compile error. Failures throw ApiError, built from the problem+json body.
 */
export class RestClient {
  private readonly client: Client<paths>;

  constructor(private readonly options: RestClientOptions) {
    // Fetched through globalThis at call time, so that a test's stub or a later polyfill is the one used.
    this.client = createClient<paths>({ baseUrl: options.baseUrl ?? '', fetch: (request) => globalThis.fetch(request) });
    this.client.use({
      onRequest: ({ request }) => {
        const token = this.options.getToken();
        // A call that asks for another type (the analytics CSV) keeps its own.
        if (!request.headers.has('Accept')) {
          request.headers.set('Accept', 'application/json, application/problem+json');
        }
        if (token) {
          request.headers.set('Authorization', `Bearer ${token}`);
        }
        return request;
      },
    });
  }

  /** Signs in by handle, creating the user on first use. */
  devLogin(request: DevLoginRequest, signal?: AbortSignal): Promise<DevLoginResponse> {
    return this.call(this.client.POST('/api/auth/dev-login', { body: request, signal })) as Promise<DevLoginResponse>;
  }

  /**
   * A new access token for the refresh cookie (httpOnly, sent only to /api/auth), which the server rotates.
   * Rejects with ApiError `unauthorized` when there is no session (any more).
   */
  refresh(signal?: AbortSignal): Promise<SignedIn> {
    return this.call(this.client.POST('/api/auth/refresh', { signal })) as Promise<SignedIn>;
  }

  /** Ends this browser's session and clears its cookie. */
  async logout(): Promise<void> {
    await this.call(this.client.POST('/api/auth/logout'));
  }

  /** My open sessions, most recently used first; `current` marks this one. */
  listSessions(signal?: AbortSignal): Promise<SessionInfo[]> {
    return this.call(this.client.GET('/api/me/sessions', { signal }));
  }

  /** Ends one of my sessions. */
  async endSession(id: string): Promise<void> {
    await this.call(this.client.DELETE('/api/me/sessions/{id}', { params: { path: { id } } }));
  }

  /** Signs out everywhere: ends every session of mine, this one included; resolves with how many ended. */
  async signOutEverywhere(): Promise<number> {
    return (await this.call(this.client.DELETE('/api/me/sessions'))).ended;
  }

  /** The signed-in user. */
  me(signal?: AbortSignal): Promise<User> {
    return this.call(this.client.GET('/api/me', { signal })) as Promise<User>;
  }

  /** Streams, newest first, optionally of one status. */
  listStreams(status?: StreamStatus, signal?: AbortSignal): Promise<Stream[]> {
    return this.call(this.client.GET('/api/streams', { params: { query: status ? { status } : {} }, signal }));
  }

  getStream(id: string, signal?: AbortSignal): Promise<Stream> {
    return this.call(this.client.GET('/api/streams/{id}', { params: { path: { id } }, signal }));
  }

  /** Creates a stream in `scheduled`. Creators and admins only. */
  createStream(request: CreateStreamRequest): Promise<Stream> {
    return this.call(this.client.POST('/api/streams', { body: request }));
  }

  /** Moves the stream to `live` (start), `ended` (end) or `archived` (archive). */
  moveStream(id: string, move: StreamMove): Promise<Stream> {
    const params = { path: { id } };
    switch (move) {
      case 'start':
        return this.call(this.client.POST('/api/streams/{id}/start', { params }));
      case 'end':
        return this.call(this.client.POST('/api/streams/{id}/end', { params }));
      case 'archive':
        return this.call(this.client.POST('/api/streams/{id}/archive', { params }));
    }
  }

  /** Sets the seconds between two messages of one viewer; 0 turns slow mode off. */
  setSlowMode(id: string, request: SlowModeRequest): Promise<Stream | null> {
    return this.call(this.client.PUT('/api/streams/{id}/slow-mode', { params: { path: { id } }, body: request }));
  }

  /** The active gift catalog, cheapest first. */
  listGifts(signal?: AbortSignal): Promise<Gift[]> {
    return this.call(this.client.GET('/api/gifts', { signal }));
  }

  /** The signed-in user's balance, earnings and a page of the ledger, newest first. */
  getWallet({ limit, before, ledger }: WalletQuery = {}, signal?: AbortSignal): Promise<WalletPage> {
    return this.call(this.client.GET('/api/me/wallet', { params: { query: { ledger, limit, before } }, signal }));
  }

  /** The whitelisted overlay actions with their parameter schemas (read by features/studio/commandForm.ts). */
  listCommands(signal?: AbortSignal): Promise<unknown> {
    return this.call(this.client.GET('/api/commands', { signal }));
  }

  /** The stream's command-gift configuration (gift → action mappings, cooldowns), as sent. */
  getCommandGifts(streamId: string, signal?: AbortSignal): Promise<CommandGiftsView | null> {
    return this.call(this.client.GET('/api/streams/{id}/command-gifts', { params: { path: { id: streamId } }, signal }));
  }

  /** Replaces the stream's command-gift configuration; field errors are keyed like `mappings[0].params.color`. */
  putCommandGifts(streamId: string, config: CommandGiftsConfig): Promise<CommandGiftsView | null> {
    return this.call(this.client.PUT('/api/streams/{id}/command-gifts', { params: { path: { id: streamId } }, body: config }));
  }

  /** The spin wheel's open commitment and its last revealed rounds. */
  getWheel(streamId: string, signal?: AbortSignal): Promise<WheelHistory> {
    return this.call(this.client.GET('/api/streams/{id}/wheel', { params: { path: { id: streamId } }, signal }));
  }

  /** The stream's open poll, or its last closed one; `not_found` when it never had one. */
  getPoll(streamId: string, signal?: AbortSignal): Promise<Poll> {
    return this.call(this.client.GET('/api/streams/{id}/poll', { params: { path: { id: streamId } }, signal }));
  }

  /** The audience's mood now, with the exact totals per mood. */
  getMood(streamId: string, signal?: AbortSignal): Promise<MoodSnapshot> {
    return this.call(this.client.GET('/api/streams/{id}/mood', { params: { path: { id: streamId } }, signal }));
  }

  /** Turns the stream's mood theme on or off (its creator or an admin). */
  setMoodTheme(streamId: string, enabled: boolean): Promise<MoodSnapshot | null> {
    const body: MoodThemeRequest = { enabled };
    return this.call(this.client.PUT('/api/streams/{id}/mood-theme', { params: { path: { id: streamId } }, body }));
  }

  /** The open questions by upvotes (then oldest first), then the answered ones; dismissed ones are left out. */
  getQuestions(streamId: string, signal?: AbortSignal): Promise<Question[]> {
    return this.call(this.client.GET('/api/streams/{id}/questions', { params: { path: { id: streamId } }, signal }));
  }

  /** The running or last challenge; `not_found` when the stream never had one. */
  getChallenge(streamId: string, signal?: AbortSignal): Promise<Challenge> {
    return this.call(this.client.GET('/api/streams/{id}/challenge', { params: { path: { id: streamId } }, signal }));
  }

  /** The stream's highlight moments, newest first. */
  getMoments(streamId: string, signal?: AbortSignal): Promise<Moment[]> {
    return this.call(this.client.GET('/api/streams/{id}/moments', { params: { path: { id: streamId } }, signal }));
  }

  /** The creator's layout as sent (read by features/overlay/overlayLayout.ts). */
  getOverlay(streamId: string, signal?: AbortSignal): Promise<WireOverlayLayout> {
    return this.call(this.client.GET('/api/streams/{id}/overlay', { params: { path: { id: streamId } }, signal }));
  }

  /** Replaces the layout (its creator or an admin); field errors are keyed like `widgets[1].text`. */
  putOverlay(streamId: string, layout: OverlayLayout): Promise<WireOverlayLayout> {
    return this.call(this.client.PUT('/api/streams/{id}/overlay', { params: { path: { id: streamId } }, body: layout }));
  }

  /** My XP, level, badges, counters and creator level. */
  getMyProgress(signal?: AbortSignal): Promise<Progress> {
    return this.call(this.client.GET('/api/me/progress', { signal }));
  }

  /** Anyone's public progression; `not_found` for an unknown user. */
  getUserProgress(userId: string, signal?: AbortSignal): Promise<PublicProgress> {
    return this.call(this.client.GET('/api/users/{id}/progress', { params: { path: { id: userId } }, signal }));
  }

  /** A board's top `top` (1–100), best first. */
  getLeaderboard(category: LeaderboardCategory, scope: LeaderboardScope, top: number, signal?: AbortSignal): Promise<LeaderboardEntry[]> {
    return this.call(this.client.GET('/api/leaderboards/{category}', { params: { path: { category }, query: { scope, top } }, signal }));
  }

  /** My rank on a board with `neighbours` (0–10) on each side; `not_found` when I am not on it. */
  getMyRank(category: LeaderboardCategory, scope: LeaderboardScope, neighbours: number, signal?: AbortSignal): Promise<MyRank> {
    return this.call(
      this.client.GET('/api/leaderboards/{category}/me', { params: { path: { category }, query: { scope, neighbours } }, signal }),
    );
  }

  /** The current weekly season. */
  getCurrentSeason(signal?: AbortSignal): Promise<Season> {
    return this.call(this.client.GET('/api/seasons/current', { signal }));
  }

  /** A finished season's top 100 per category. */
  getSeason(number: number, signal?: AbortSignal): Promise<SeasonStandings> {
    return this.call(this.client.GET('/api/seasons/{number}', { params: { path: { number } }, signal }));
  }

  /** How one may sign in here: the configured providers, and whether dev-login is on. */
  signInOptions(signal?: AbortSignal): Promise<SignInOptions> {
    return this.call(this.client.GET('/api/auth/providers', { signal }));
  }

  /** The first sign-in waiting for its handle (from the httpOnly sign-up cookie). */
  pendingSignUp(signal?: AbortSignal): Promise<PendingSignUp> {
    return this.call(this.client.GET('/api/auth/signup', { signal }));
  }

  /** Creates the account of the waiting first sign-in under a unique handle, and signs it in. */
  signUp(request: SignUpRequest): Promise<DevLoginResponse> {
    return this.call(this.client.POST('/api/auth/signup', { body: request })) as Promise<DevLoginResponse>;
  }

  /** The providers linked to my account. */
  myLogins(signal?: AbortSignal): Promise<LinkedLogin[]> {
    return this.call(this.client.GET('/api/me/logins', { signal }));
  }

  /** Starts linking a provider; the browser then goes to the returned address. */
  async startLink(provider: string): Promise<string> {
    const started = await this.call(this.client.POST('/api/me/logins/{provider}', { params: { path: { provider }, query: {} } }));
    return started.url;
  }

  /** Unlinks a provider (never the last one: a `conflict`). */
  unlink(provider: string): Promise<void> {
    return this.call(this.client.DELETE('/api/me/logins/{provider}', { params: { path: { provider } } }));
  }

  /** The stream's figures over `range` (creator or admin; `forbidden` otherwise, `invalid_input` for a bad range). */
  getStreamAnalytics(streamId: string, range: AnalyticsRange = {}, signal?: AbortSignal): Promise<StreamAnalytics> {
    return this.call(this.client.GET('/api/streams/{id}/analytics', { params: { path: { id: streamId }, query: range }, signal }));
  }

  /** The same figures as CSV, one row per minute; fetched with the bearer token, hence a Blob and not a link. */
  getStreamAnalyticsCsv(streamId: string, range: AnalyticsRange = {}, signal?: AbortSignal): Promise<Blob> {
    return this.call(
      this.client.GET('/api/streams/{id}/analytics.csv', {
        params: { path: { id: streamId }, query: range },
        headers: { Accept: 'text/csv, application/problem+json' },
        parseAs: 'blob',
        signal,
      }),
    );
  }

  /** The body of a success; a failure becomes an ApiError (a 401 that carried a token also signs out). */
  /** "For you": live streams ranked for me (the cold start when anonymous), each with its reasons. */
  getRecommendations(limit: number, signal?: AbortSignal): Promise<RecommendationList> {
    return this.call(this.client.GET('/api/recommendations', { params: { query: { limit } }, signal }));
  }

  /** Live streams like this one. */
  getSimilar(streamId: string, limit: number, signal?: AbortSignal): Promise<RecommendationList> {
    return this.call(this.client.GET('/api/streams/{id}/similar', { params: { path: { id: streamId }, query: { limit } }, signal }));
  }

  /** Follows a user (idempotent); answers the creator's follower count. */
  follow(userId: string): Promise<FollowChange> {
    return this.call(this.client.POST('/api/users/{id}/follow', { params: { path: { id: userId } } }));
  }

  /** Stops following a user (idempotent). */
  unfollow(userId: string): Promise<FollowChange> {
    return this.call(this.client.DELETE('/api/users/{id}/follow', { params: { path: { id: userId } } }));
  }

  /** The creators I follow, newest first, with their streams live now. */
  listFollowing(signal?: AbortSignal): Promise<FollowingCreator[]> {
    return this.call(this.client.GET('/api/me/following', { signal }));
  }

  /** A user's public profile. */
  getProfile(userId: string, signal?: AbortSignal): Promise<PublicProfile> {
    return this.call(this.client.GET('/api/users/{id}', { params: { path: { id: userId } }, signal })) as Promise<PublicProfile>;
  }

  /** Edits my profile: a field left out stays, '' or [] clears it. */
  updateMyProfile(change: ProfileChangeRequest): Promise<PublicProfile> {
    return this.call(this.client.PATCH('/api/me/profile', { body: change })) as Promise<PublicProfile>;
  }

  /** Uploads my avatar picture (sent as it is, with its own content type). */
  uploadAvatar(picture: Blob): Promise<PublicProfile> {
    return this.call(
      this.client.POST('/api/me/avatar', {
        body: picture as unknown as string,
        bodySerializer: (body: unknown) => body as Blob,
        headers: { 'Content-Type': picture.type },
      }),
    ) as Promise<PublicProfile>;
  }

  /** An admin gives a user another role (audited). */
  changeRole(userId: string, change: RoleChangeRequest): Promise<RoleChanged> {
    return this.call(this.client.PUT('/api/admin/users/{id}/roles', { params: { path: { id: userId } }, body: change })) as Promise<RoleChanged>;
  }

  /** One page of the audit log, newest first. */
  getAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditLog> {
    return this.call(this.client.GET('/api/admin/audit', { params: { query }, signal }));
  }

  /** Whether I may moderate the creator's streams (to show moderator tools in the chat). */
  getModeratorStatus(creatorId: string, signal?: AbortSignal): Promise<ModeratorStatus> {
    return this.call(this.client.GET('/api/creators/{creatorId}/moderation/me', { params: { path: { creatorId } }, signal }));
  }

  /** A creator's rules: moderators, bans, timeouts, blocked terms (the creator, moderators, admins). */
  getModeration(creatorId: string, signal?: AbortSignal): Promise<ModerationView> {
    return this.call(this.client.GET('/api/creators/{creatorId}/moderation', { params: { path: { creatorId } }, signal }));
  }

  /** Appoints (`add`) or removes a moderator of all of the creator's streams. */
  setModerator(creatorId: string, userId: string, add: boolean): Promise<ModerationView> {
    const params = { params: { path: { creatorId, userId } } };
    return this.call(
      add
        ? this.client.PUT('/api/creators/{creatorId}/moderators/{userId}', params)
        : this.client.DELETE('/api/creators/{creatorId}/moderators/{userId}', params),
    );
  }

  /** Lifts a ban, or ends a timeout early. */
  async liftRestriction(creatorId: string, userId: string, kind: 'ban' | 'timeout'): Promise<void> {
    const params = { params: { path: { creatorId, userId } } };
    await this.call(
      kind === 'ban'
        ? this.client.DELETE('/api/creators/{creatorId}/bans/{userId}', params)
        : this.client.DELETE('/api/creators/{creatorId}/timeouts/{userId}', params),
    );
  }

  /** Replaces the creator's blocked terms; field errors are keyed like `terms[2].term`. */
  setBlockedTerms(creatorId: string, terms: BlockedTerm[]): Promise<ModerationView> {
    return this.call(this.client.PUT('/api/creators/{creatorId}/blocked-terms', { params: { path: { creatorId } }, body: { terms } }));
  }

  /** Messages held by a blocked term, oldest first. */
  getHeld(creatorId: string, signal?: AbortSignal): Promise<HeldMessage[]> {
    return this.call(this.client.GET('/api/creators/{creatorId}/held', { params: { path: { creatorId } }, signal }));
  }

  /** Posts a held message (`approve`) or discards it. */
  async reviewHeld(creatorId: string, heldId: string, approve: boolean): Promise<void> {
    const params = { params: { path: { creatorId, heldId } } };
    await this.call(
      approve
        ? this.client.POST('/api/creators/{creatorId}/held/{heldId}/approve', params)
        : this.client.POST('/api/creators/{creatorId}/held/{heldId}/reject', params),
    );
  }

  /** The moderation log of the creator's streams, newest first. */
  getModerationLog(creatorId: string, signal?: AbortSignal): Promise<AuditPage> {
    return this.call(this.client.GET('/api/creators/{creatorId}/moderation/log', { params: { path: { creatorId }, query: { limit: 50 } }, signal }));
  }

  /** Reports a chat message (`streamId` + `messageId`) or a user (`userId`), with a reason. */
  report(request: ReportRequest): Promise<Report> {
    return this.call(this.client.POST('/api/reports', { body: request }));
  }

  /** Reports about the creator's streams, newest first; only the unresolved ones when `open`. */
  getCreatorReports(creatorId: string, open: boolean, signal?: AbortSignal): Promise<Report[]> {
    return this.call(this.client.GET('/api/creators/{creatorId}/reports', { params: { path: { creatorId }, query: { open, limit: 50 } }, signal }));
  }

  /** Resolves a report about the creator's streams. */
  resolveCreatorReport(creatorId: string, reportId: string, resolution: string): Promise<Report> {
    return this.call(this.client.POST('/api/creators/{creatorId}/reports/{reportId}/resolve', { params: { path: { creatorId, reportId } }, body: { resolution } }));
  }

  /** Every report, newest first (admins); only the unresolved ones when `open`. */
  getAdminReports(open: boolean, signal?: AbortSignal): Promise<Report[]> {
    return this.call(this.client.GET('/api/admin/reports', { params: { query: { open, limit: 50 } }, signal }));
  }

  /** Resolves any report (admins). */
  resolveAdminReport(reportId: string, resolution: string): Promise<Report> {
    return this.call(this.client.POST('/api/admin/reports/{reportId}/resolve', { params: { path: { reportId } }, body: { resolution } }));
  }

  /** An ended stream's VOD: recording URL (expiring), length, moments. `still_live`, `vod_not_ready` before. */
  getVod(streamId: string, signal?: AbortSignal): Promise<VodView> {
    return this.call(this.client.GET('/api/streams/{id}/vod', { params: { path: { id: streamId } }, signal }));
  }

  /** The VOD's timeline from `fromMs` (with the context before it), or on after a page's `nextSeq`. */
  getVodTimeline(
    streamId: string,
    query: { fromMs?: number; afterSeq?: number; toMs?: number; limit?: number },
    signal?: AbortSignal,
  ): Promise<VodTimelinePage> {
    return this.call(this.client.GET('/api/streams/{id}/vod/timeline', { params: { path: { id: streamId }, query }, signal }));
  }

  /** Whether live video (LiveKit) is on, and the server browsers join. */
  mediaConfig(signal?: AbortSignal): Promise<MediaConfig> {
    return this.call(this.client.GET('/api/media/config', { signal }));
  }

  /**
   * A LiveKit token for the stream's room: the creator's publishes, everyone else's subscribes; `watch` asks for a
   * subscribe-only token whoever asks (the watch page, beside the creator's publishing tab).
   */
  mediaToken(streamId: string, options: { watch?: boolean; signal?: AbortSignal } = {}): Promise<MediaToken> {
    const query = options.watch ? { watch: true } : {};
    return this.call(this.client.POST('/api/streams/{id}/media-token', { params: { path: { id: streamId }, query }, signal: options.signal }));
  }

  /** My segments (pre-recorded clips), newest first. */
  listSegments(signal?: AbortSignal): Promise<SegmentView[]> {
    return this.call(this.client.GET('/api/me/segments', { signal }));
  }

  /** Starts a chunked upload of a file of `size` bytes. */
  createSegment(title: string, size: number, chunkSize?: number): Promise<SegmentView> {
    return this.call(this.client.POST('/api/me/segments', { body: { title, size, chunkSize: chunkSize ?? null } }));
  }

  getSegment(id: string, signal?: AbortSignal): Promise<SegmentView> {
    return this.call(this.client.GET('/api/me/segments/{id}', { params: { path: { id } }, signal }));
  }

  /** Which chunks of an upload arrived, and which are missing. */
  getSegmentChunks(id: string, signal?: AbortSignal): Promise<UploadProgress> {
    return this.call(this.client.GET('/api/me/segments/{id}/chunks', { params: { path: { id } }, signal }));
  }

  /** Sends one chunk's raw bytes. */
  putSegmentChunk(id: string, index: number, chunk: Blob, signal?: AbortSignal): Promise<UploadProgress> {
    return this.call(
      this.client.PUT('/api/me/segments/{id}/chunks/{index}', {
        params: { path: { id, index } },
        body: chunk as unknown as string,
        bodySerializer: (body: unknown) => body as Blob,
        headers: { 'Content-Type': 'application/octet-stream' },
        signal,
      }),
    );
  }

  completeSegment(id: string): Promise<SegmentView> {
    return this.call(this.client.POST('/api/me/segments/{id}/complete', { params: { path: { id } } }));
  }

  async deleteSegment(id: string): Promise<void> {
    await this.call(this.client.DELETE('/api/me/segments/{id}', { params: { path: { id } } }));
  }

  /** The segment playing in a stream and those waiting. */
  getSegmentQueue(streamId: string, signal?: AbortSignal): Promise<SegmentQueue> {
    return this.call(this.client.GET('/api/streams/{id}/segments', { params: { path: { id: streamId } }, signal }));
  }

  /** Queues a ready segment: now, or not before `at`. */
  queueSegment(streamId: string, segmentId: string, at: string | null): Promise<SegmentQueue> {
    return this.call(this.client.POST('/api/streams/{id}/segments', { params: { path: { id: streamId } }, body: { segmentId, at } }));
  }

  dequeueSegment(streamId: string, entryId: string): Promise<SegmentQueue> {
    return this.call(this.client.DELETE('/api/streams/{id}/segments/{entryId}', { params: { path: { id: streamId, entryId } } }));
  }

  reorderSegments(streamId: string, entryIds: string[]): Promise<SegmentQueue> {
    return this.call(this.client.PUT('/api/streams/{id}/segments/order', { params: { path: { id: streamId } }, body: { entryIds } }));
  }

  /** The packs on sale, and whether purchases work here. */
  getStore(signal?: AbortSignal): Promise<StoreView> {
    return this.call(this.client.GET('/api/store/packs', { signal }));
  }

  /** Creates a Stripe Checkout Session for a pack: send the browser to its url. */
  checkout(packId: string): Promise<CheckoutView> {
    return this.call(this.client.POST('/api/store/checkout', { body: { packId } }));
  }

  /** One of my purchases by Checkout Session id (open until Stripe's webhook says it is paid). */
  getPurchase(sessionId: string, signal?: AbortSignal): Promise<PurchaseView> {
    return this.call(this.client.GET('/api/store/purchases/{sessionId}', { params: { path: { sessionId } }, signal }));
  }

  /** My earnings as payouts see them, and my payouts. */
  getMyPayouts(signal?: AbortSignal): Promise<PayoutsView> {
    return this.call(this.client.GET('/api/me/payouts', { signal }));
  }

  /** Requests a payout; the same key (one per intended payout) is the same payout, however often it is sent. */
  requestPayout(amount: number, idempotencyKey: string): Promise<PayoutView> {
    return this.call(this.client.POST('/api/me/payouts', { body: { amount, idempotencyKey } }));
  }

  /** My statement of a month (YYYY-MM). */
  getStatement(month: string, signal?: AbortSignal): Promise<Statement> {
    return this.call(this.client.GET('/api/me/statement', { params: { query: { month } }, signal }));
  }

  /** The same statement as CSV; fetched with the bearer token, hence a Blob. */
  getStatementCsv(month: string, signal?: AbortSignal): Promise<Blob> {
    return this.call(
      this.client.GET('/api/me/statement', {
        params: { query: { month, format: 'csv' } },
        headers: { Accept: 'text/csv, application/problem+json' },
        parseAs: 'blob',
        signal,
      }),
    );
  }

  /** The payout queue (admins): open payouts oldest first, then decided ones. */
  getPayoutQueue(signal?: AbortSignal): Promise<PayoutView[]> {
    return this.call(this.client.GET('/api/admin/payouts', { signal }));
  }

  /** Approves (the transfer is made) or rejects (with a reason) a payout. */
  decidePayout(payoutId: string, decision: 'approve' | 'reject', reason?: string): Promise<PayoutView> {
    return decision === 'approve'
      ? this.call(this.client.POST('/api/admin/payouts/{payoutId}/approve', { params: { path: { payoutId } } }))
      : this.call(this.client.POST('/api/admin/payouts/{payoutId}/reject', { params: { path: { payoutId } }, body: { reason: reason ?? null } }));
  }

  private async call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
    let result: { data?: T; error?: unknown; response: Response };
    try {
      result = await request;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        throw error;
      }
      throw new ApiError(0, 'offline', 'Cannot reach LiveStreamX. Check your connection.', {}, null);
    }
    const { data, error, response } = result;
    if (!response.ok) {
      if (response.status === 401 && this.options.getToken()) {
        this.options.onUnauthorized?.();
      }
      throw problemToError(response.status, isProblem(error) ? error : null);
    }
    return (data ?? null) as T;
  }
}
