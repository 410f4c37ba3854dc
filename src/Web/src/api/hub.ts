import {
  HubConnection,
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type IHttpConnectionOptions,
} from '@microsoft/signalr';
import { LiveError, toLiveError } from './errors';
import { retrySameRequest, type FailureKind, type RetryOptions } from './retry';
import { StreamSequencer, type JoinTicket, type SequencerOutcome } from './streamSequencer';
import {
  HubMethods,
  STREAM_EVENTS_BATCH,
  STREAM_EVENT_TYPES,
  USER_EVENT_TYPES,
  type AskRequest,
  type HubArgs,
  type HubMethodName,
  type HubResult,
  type Challenge,
  type ChatMessageEvent,
  type ClosePollRequest,
  type CreatePollRequest,
  type GiftReceipt,
  type HeartbeatRequest,
  type JoinResult,
  type MarkMomentRequest,
  type MarkQuestionRequest,
  type Moment,
  type Poll,
  type ProgressChange,
  type Question,
  type ReactRequest,
  type ReactResult,
  type SendChatRequest,
  type SendGiftRequest,
  type StartChallengeRequest,
  type StreamEvent,
  type StreamEventBatch,
  type UpvoteRequest,
  type UserEvent,
  type VoteRequest,
  type BanUserRequest,
  type DeleteChatRequest,
  type Restriction,
  type TimeoutUserRequest,
} from './contract';

/** The part of a HubConnection that takes event handlers. */
export type EventRegistrar = Pick<HubConnection, 'on'>;

/** Invokes a hub method by its wire name, with the argument tuple and result the generated contract gives it. */
export function invokeHub<M extends HubMethodName>(hub: HubConnection, method: M, ...args: HubArgs<M>): Promise<HubResult<M>> {
  return hub.invoke<HubResult<M>>(method, ...args);
}

/**
 * Registers `handler` under every stream event name (STREAM_EVENT_TYPES), and unpacks `stream:events` batches into
 * it one event at a time, in order. An event the connection has no handler for is dropped by SignalR before the
 * sequencer sees it, and the next event's seq then looks like a gap.
 */
export function registerStreamEvents(hub: EventRegistrar, handler: (event: StreamEvent) => void): void {
  for (const type of STREAM_EVENT_TYPES) {
    hub.on(type, handler);
  }
  hub.on(STREAM_EVENTS_BATCH, (batch: StreamEventBatch) => {
    if (Array.isArray(batch?.events)) {
      for (const event of batch.events) {
        handler(event);
      }
    }
  });
}

/**
 * Registers `handler` under every user event name (USER_EVENT_TYPES: `level:up`, `badge:earned`). These have no
 * `streamId` or `seq`: they go straight to the listeners, never through the stream sequencer.
 */
export function registerUserEvents(hub: EventRegistrar, handler: (event: UserEvent) => void): void {
  for (const type of USER_EVENT_TYPES) {
    hub.on(type, handler);
  }
}

/** A user event is one object with a known `type`; anything else is ignored. */
export function isUserEvent(value: unknown): value is UserEvent {
  return (
    typeof value === 'object' &&
    value !== null &&
    (USER_EVENT_TYPES as readonly unknown[]).includes((value as { type?: unknown }).type)
  );
}

/** What the UI shows of the hub connection. */
export type ConnectionState = 'connected' | 'reconnecting' | 'disconnected';

/** Receives one stream's view, in order, exactly once per event. */
export interface StreamWatcher {
  /** Replace the whole view with this snapshot (first join, or after events were lost for good). */
  snapshot(result: JoinResult): void;
  /**
   * Apply this event to the view; events arrive in seq order, none twice. `replayed` events happened while the
   * client was away (a re-join's replay): apply them to state, but do not play their effects as if new.
   */
  event(event: StreamEvent, meta: EventMeta): void;
  /** Joining failed and will not be retried (for example `not_found`). */
  error(error: LiveError): void;
}

export interface EventMeta {
  /** The event came in a `stream:join` replay, not live. */
  replayed: boolean;
}

export interface LiveConnectionOptions {
  /** The hub's URL; `/hubs/live` by default. */
  url?: string;
  /** The bearer token to connect with; null connects anonymously (watch only). */
  accessToken?: string | null;
  /**
   * Reads the token at every connect and reconnect (a refreshed one); overrides `accessToken`. With it, the
   * connection is rebuilt only when `identity` changes (`setIdentity`), not for each refreshed token.
   */
  accessTokenFactory?: () => string | null;
  /** Who the factory's tokens are for (a user id; null: anonymous). */
  identity?: string | null;
  logLevel?: LogLevel;
}

const JOIN_RETRY_MS = 2_000;
const RESTART_MIN_MS = 1_000;
const RESTART_MAX_MS = 30_000;

/**
 * The one client of the `/hubs/live` contract. Keeps a SignalR connection up (rebuilt when the token changes,
 * restarted when automatic reconnect gives up), joins the streams that are watched, re-joins them with
 * `sinceSeq` after every reconnect, and hands each watcher its stream's events in order through the sequencer.
 */
export class LiveConnection {
  private readonly url: string;
  private readonly logLevel: LogLevel;
  private readonly sequencer = new StreamSequencer<StreamEvent>();
  private readonly watchers = new Map<string, Set<StreamWatcher>>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly userListeners = new Set<(event: UserEvent) => void>();
  private token: string | null;
  private readonly tokenFactory: (() => string | null) | undefined;
  private identity: string | null;
  private hub: HubConnection | null = null;
  /** Bumped for every new HubConnection; callbacks of older ones are ignored. */
  private generation = 0;
  private running = false;
  private everConnected = false;
  private restartAttempt = 0;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly retryTimers = new Set<ReturnType<typeof setTimeout>>();
  private currentState: ConnectionState = 'disconnected';

  constructor(options: LiveConnectionOptions = {}) {
    this.url = options.url ?? '/hubs/live';
    this.token = options.accessToken ?? null;
    this.tokenFactory = options.accessTokenFactory;
    this.identity = options.identity ?? null;
    this.logLevel = options.logLevel ?? LogLevel.Warning;
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  /** Calls the listener on every change of `state`; returns the function that unsubscribes it. */
  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Calls the listener with every user event (`level:up`, `badge:earned`); returns the function that unsubscribes it. */
  onUserEvent(listener: (event: UserEvent) => void): () => void {
    this.userListeners.add(listener);
    return () => this.userListeners.delete(listener);
  }

  /** Connects, and keeps connecting until `stop`. */
  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.connect();
  }

  /** Disconnects for good (until the next `start`). Watchers stay registered. */
  async stop(): Promise<void> {
    this.running = false;
    this.clearTimers();
    const hub = this.detach();
    this.setState('disconnected');
    await hub?.stop();
  }

  /** Reconnects with another token (sign in, sign out): the hub learns who we are only when connecting. */
  setAccessToken(token: string | null): void {
    if (token === this.token) {
      return;
    }
    this.token = token;
    this.rebuild();
  }

  /** Reconnects as another user (sign in, sign out) when tokens come from `accessTokenFactory`. */
  setIdentity(identity: string | null): void {
    if (identity === this.identity) {
      return;
    }
    this.identity = identity;
    this.rebuild();
  }

  private rebuild(): void {
    if (!this.running) {
      return;
    }
    this.clearTimers();
    const old = this.detach();
    void old?.stop();
    this.setState(this.everConnected ? 'reconnecting' : 'disconnected');
    this.connect();
  }

  /**
   * Joins the stream (now, or as soon as connected) and feeds `watcher` its view.
   * Returns the function that stops watching; the stream is left when its last watcher goes.
   */
  watch(streamId: string, watcher: StreamWatcher): () => void {
    let set = this.watchers.get(streamId);
    const first = !set;
    if (!set) {
      set = new Set();
      this.watchers.set(streamId, set);
    }
    set.add(watcher);
    if (!first) {
      // The new watcher has no view yet: start over from a whole snapshot, which every watcher then applies.
      this.sequencer.forget(streamId);
    }
    this.join(streamId);

    return () => {
      const current = this.watchers.get(streamId);
      if (!current?.delete(watcher) || current.size > 0) {
        return;
      }
      this.watchers.delete(streamId);
      this.sequencer.forget(streamId);
      const hub = this.connectedHub();
      if (hub) {
        invokeHub(hub, HubMethods.leave, streamId).catch(() => {
          // Leaving is best effort: the server drops the connection's groups when it closes anyway.
        });
      }
    };
  }

  /** Sends a chat message; resolves with the accepted event. Rejects with a LiveError (`rate_limited`, …). */
  async sendChat(streamId: string, text: string): Promise<ChatMessageEvent> {
    const hub = this.connectedHub();
    if (!hub) {
      throw new LiveError('offline', undefined);
    }
    const request: SendChatRequest = { streamId, text };
    try {
      // The accepted event also comes back as a broadcast, which the sequencer applies in order.
      return await invokeHub(hub, HubMethods.sendChat, request);
    } catch (error) {
      throw toLiveError(error);
    }
  }

  /**
   * Sends a gift; resolves with the receipt. A connection lost before the answer came makes it wait for the
   * connection and send the very same request again (its `idempotencyKey` makes that safe: the server returns
   * the first receipt and moves no tokens twice). Rejects with a LiveError: `insufficient_funds`,
   * `rate_limited`, `not_live`, `forbidden`, …, or `offline` when the connection did not come back in time.
   */
  sendGift(request: SendGiftRequest, options: RetryOptions = {}): Promise<GiftReceipt> {
    return retrySameRequest(
      () => this.invokeOnce(HubMethods.sendGift, request),
      classifyFailure,
      {
        waitForConnection: (timeoutMs, signal) => this.whenConnected(timeoutMs, signal),
        delay,
        now: () => Date.now(),
      },
      options,
    );
  }

  /**
   * Opens a poll (the stream's creator or an admin); resolves with the poll, which every viewer also receives as
   * `poll:create`. Rejects with a LiveError: `conflict` (one is open), `invalid_input`, `forbidden`, `offline`, …
   */
  createPoll(request: CreatePollRequest): Promise<Poll> {
    return this.invokeOnce(HubMethods.createPoll, request);
  }

  /**
   * Votes once; resolves with the poll. Not resent after a lost connection: a vote that did reach the server would
   * come back as `conflict`. Rejects with `conflict` (voted already), `not_found` (closed or unknown), `offline`, …
   */
  vote(request: VoteRequest): Promise<Poll> {
    return this.invokeOnce(HubMethods.vote, request);
  }

  /** Closes the open poll early (its creator or an admin); `poll:closed` follows for every viewer. */
  closePoll(request: ClosePollRequest): Promise<Poll | null> {
    return this.invokeOnce(HubMethods.closePoll, request);
  }

  /**
   * One message of `count` taps of one mood (1 when absent, at most 10); `accepted: false` when the server dropped
   * them all (they would take the user over 10 taps a second), which is not an error. A `count` outside 1–10 or not
   * an integer is refused as `invalid_input`.
   */
  react(request: ReactRequest): Promise<ReactResult> {
    return this.invokeOnce(HubMethods.react, request);
  }

  /**
   * Asks the creator a question; resolves with it (every viewer also receives it as `qa:update`). Rejects with
   * `rate_limited` (one every 10 s), `not_live`, `invalid_input`, `forbidden` (anonymous), `offline`, …
   */
  ask(request: AskRequest): Promise<Question> {
    return this.invokeOnce(HubMethods.ask, request);
  }

  /** Upvotes a question once; a second upvote is `conflict`, so it is not resent after a lost connection either. */
  upvote(request: UpvoteRequest): Promise<Question> {
    return this.invokeOnce(HubMethods.upvote, request);
  }

  /** Marks a question `answered` or `dismissed` (the stream's creator or an admin). */
  markQuestion(request: MarkQuestionRequest): Promise<Question> {
    return this.invokeOnce(HubMethods.markQuestion, request);
  }

  /**
   * Starts a challenge (the stream's creator or an admin); `challenge:update` follows for every viewer. Rejects with
   * `conflict` (one is running), `not_live`, `invalid_input` (`reward.params.color: …`), `forbidden`, `offline`, …
   */
  startChallenge(request: StartChallengeRequest): Promise<Challenge> {
    const { reward } = request;
    return this.invokeOnce(HubMethods.startChallenge, {
      ...request,
      reward: reward ? { action: reward.action, params: reward.params ?? null } : null,
    });
  }

  /** Marks a highlight moment (optional note); `moment:detected` follows. `rate_limited`: once per 30 s per user. */
  markMoment(request: MarkMomentRequest): Promise<Moment> {
    return this.invokeOnce(HubMethods.markMoment, request);
  }

  /**
   * One watch-time heartbeat (signed in only); resolves with what it earned, or null when not visible. Not resent
   * after a lost connection: the next one comes 30 s later anyway.
   */
  heartbeat(request: HeartbeatRequest): Promise<ProgressChange | null> {
    return this.invokeOnce(HubMethods.heartbeat, request);
  }

  /** Deletes a chat message (the stream's creator, their moderators, admins); every viewer gets `chat:delete`. */
  deleteChat(request: DeleteChatRequest): Promise<null> {
    return this.invokeOnce(HubMethods.deleteChat, request);
  }

  /** Times a user out of the chat of every stream of this stream's creator. */
  timeoutUser(request: TimeoutUserRequest): Promise<Restriction> {
    return this.invokeOnce(HubMethods.timeout, request);
  }

  /** Bans a user from the chat of every stream of this stream's creator. */
  banUser(request: BanUserRequest): Promise<Restriction> {
    return this.invokeOnce(HubMethods.ban, request);
  }

  /** Resolves true once the hub is connected (at once if it is), false after `timeoutMs` or on abort. */
  whenConnected(timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    if (this.connectedHub()) {
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const finish = (connected: boolean) => {
        clearTimeout(timer);
        unsubscribe();
        signal?.removeEventListener('abort', onAbort);
        resolve(connected);
      };
      const onAbort = () => finish(false);
      const timer = setTimeout(() => finish(false), timeoutMs);
      const unsubscribe = this.onStateChange((state) => {
        if (state === 'connected' && this.connectedHub()) {
          finish(true);
        }
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) {
        onAbort();
      }
    });
  }

  /** One invocation; a failure that came from losing the connection is reported as `offline`. */
  private async invokeOnce<M extends HubMethodName>(method: M, ...args: HubArgs<M>): Promise<HubResult<M>> {
    const hub = this.connectedHub();
    if (!hub) {
      throw new LiveError('offline', undefined);
    }
    try {
      return await invokeHub(hub, method, ...args);
    } catch (error) {
      const live = toLiveError(error);
      if (live.code === 'unknown' && (hub !== this.hub || hub.state !== HubConnectionState.Connected)) {
        // No HubException, and the connection is gone: the request may or may not have reached the server.
        throw new LiveError('offline', undefined, { cause: error });
      }
      throw live;
    }
  }

  private connect(): void {
    const generation = ++this.generation;
    const factory = this.tokenFactory;
    const token = factory ? (this.identity === null ? null : factory()) : this.token;
    // A reconnect (automatic, or after the server closed a connection whose token expired) asks again: by then the
    // session provider holds a refreshed token.
    const options: IHttpConnectionOptions = token ? { accessTokenFactory: () => factory?.() ?? token } : {};
    const hub = new HubConnectionBuilder()
      .withUrl(this.url, options)
      .withAutomaticReconnect()
      .configureLogging(this.logLevel)
      .build();
    this.hub = hub;
    const current = () => generation === this.generation;

    registerStreamEvents(hub, (event) => {
      if (current() && typeof event?.streamId === 'string' && Number.isInteger(event.seq)) {
        this.handle(event.streamId, this.sequencer.receive(event), null);
      }
    });
    registerUserEvents(hub, (event) => {
      if (current() && isUserEvent(event)) {
        for (const listener of [...this.userListeners]) {
          listener(event);
        }
      }
    });
    hub.onreconnecting(() => {
      if (current()) {
        this.setState('reconnecting');
      }
    });
    hub.onreconnected(() => {
      if (current()) {
        this.connected();
      }
    });
    hub.onclose(() => {
      // Automatic reconnect gave up (or the server closed us): keep trying, more slowly, while running.
      if (current()) {
        this.hub = null;
        this.scheduleRestart();
      }
    });

    hub.start().then(
      () => {
        if (current()) {
          this.connected();
        }
      },
      () => {
        if (current()) {
          this.hub = null;
          this.scheduleRestart();
        }
      },
    );
  }

  private connected(): void {
    this.everConnected = true;
    this.restartAttempt = 0;
    this.setState('connected');
    // Re-join everything watched, from the last seq applied: the replay brings what was missed meanwhile.
    for (const streamId of this.watchers.keys()) {
      this.join(streamId);
    }
  }

  private scheduleRestart(): void {
    if (!this.running) {
      this.setState('disconnected');
      return;
    }
    this.setState(this.everConnected ? 'reconnecting' : 'disconnected');
    const backoff = Math.min(RESTART_MAX_MS, RESTART_MIN_MS * 2 ** this.restartAttempt++);
    const delay = backoff / 2 + Math.random() * (backoff / 2);
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.running && !this.hub) {
        this.connect();
      }
    }, delay);
  }

  private join(streamId: string): void {
    if (!this.connectedHub()) {
      return; // joined on connect
    }
    void this.runJoin(this.sequencer.beginJoin(streamId));
  }

  private async runJoin(ticket: JoinTicket): Promise<void> {
    const hub = this.connectedHub();
    if (!hub) {
      this.sequencer.failJoin(ticket);
      return;
    }
    let result: JoinResult;
    try {
      result = await invokeHub(hub, HubMethods.join, ticket.streamId, ticket.sinceSeq ?? null);
    } catch (error) {
      if (this.sequencer.failJoin(ticket)) {
        this.joinFailed(hub, ticket.streamId, toLiveError(error));
      }
      return;
    }
    if (hub === this.hub) {
      this.handle(ticket.streamId, this.sequencer.completeJoin(ticket, result), result);
    }
  }

  private joinFailed(hub: HubConnection, streamId: string, error: LiveError): void {
    if (hub !== this.hub || hub.state !== HubConnectionState.Connected || !this.watchers.has(streamId)) {
      return; // the connection went away: it re-joins when it is back
    }
    if (error.retryable || error.code === 'unknown') {
      const timer = setTimeout(() => {
        this.retryTimers.delete(timer);
        if (this.watchers.has(streamId) && !this.sequencer.isJoining(streamId)) {
          this.join(streamId);
        }
      }, JOIN_RETRY_MS);
      this.retryTimers.add(timer);
      return;
    }
    for (const watcher of this.watchersOf(streamId)) {
      watcher.error(error);
    }
  }

  private handle(streamId: string, outcome: SequencerOutcome<StreamEvent>, snapshot: JoinResult | null): void {
    if (outcome.stale) {
      return;
    }
    const watchers = this.watchersOf(streamId);
    if (outcome.reset && snapshot) {
      for (const watcher of watchers) {
        watcher.snapshot(snapshot);
      }
    }
    for (const event of outcome.events) {
      // A join's answer hands back its replay (seq up to the snapshot's) and then the live events it queued.
      const meta: EventMeta = { replayed: snapshot !== null && event.seq <= snapshot.seq };
      for (const watcher of watchers) {
        watcher.event(event, meta);
      }
    }
    if (outcome.rejoin) {
      void this.runJoin(outcome.rejoin);
    }
  }

  private watchersOf(streamId: string): StreamWatcher[] {
    return [...(this.watchers.get(streamId) ?? [])];
  }

  private connectedHub(): HubConnection | null {
    return this.hub?.state === HubConnectionState.Connected ? this.hub : null;
  }

  private detach(): HubConnection | null {
    const hub = this.hub;
    this.hub = null;
    this.generation++;
    return hub;
  }

  private clearTimers(): void {
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    for (const timer of this.retryTimers) {
      clearTimeout(timer);
    }
    this.retryTimers.clear();
  }

  private setState(state: ConnectionState): void {
    if (state === this.currentState) {
      return;
    }
    this.currentState = state;
    for (const listener of [...this.stateListeners]) {
      listener(state);
    }
  }
}

function classifyFailure(error: unknown): FailureKind {
  if (error instanceof LiveError) {
    if (error.code === 'offline') {
      return 'connection';
    }
    if (error.code === 'unavailable') {
      return 'transient';
    }
  }
  return 'final';
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      const reason: unknown = signal?.reason;
      reject(reason instanceof Error ? reason : new DOMException('The operation was aborted.', 'AbortError'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
