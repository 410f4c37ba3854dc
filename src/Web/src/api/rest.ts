import { ApiError, problemToError } from './errors';
import type {
  Challenge,
  CommandGiftsConfig,
  CommandSpec,
  CreateStreamRequest,
  DevLoginRequest,
  DevLoginResponse,
  Gift,
  LeaderboardCategory,
  LeaderboardEntry,
  LeaderboardScope,
  Moment,
  MoodSnapshot,
  MoodThemeRequest,
  MyRank,
  OverlayLayout,
  Poll,
  ProblemDetails,
  Progress,
  PublicProgress,
  Question,
  Season,
  SeasonStandings,
  SlowModeRequest,
  Stream,
  StreamMove,
  StreamStatus,
  User,
  WheelHistory,
  WalletPage,
  WalletQuery,
} from './types';

export interface RestClientOptions {
  /** The bearer token to send, read on every request; null sends none. */
  getToken: () => string | null;
  /** Called when a request that carried a token answers 401: the token expired or was revoked. */
  onUnauthorized?: () => void;
  /** Prefix of every path; '' means the page's own origin. */
  baseUrl?: string;
}

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

function isProblem(value: unknown): value is ProblemDetails {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readProblem(response: Response): Promise<ProblemDetails | null> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) {
    return null;
  }
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? body : null;
  } catch {
    return null;
  }
}

/** Typed calls to the REST API under /api. Failures throw ApiError, built from the problem+json body. */
export class RestClient {
  constructor(private readonly options: RestClientOptions) {}

  /** Signs in by handle, creating the user on first use. */
  devLogin(request: DevLoginRequest, signal?: AbortSignal): Promise<DevLoginResponse> {
    return this.send<DevLoginResponse>('POST', '/api/auth/dev-login', { body: request, signal });
  }

  /** The signed-in user. */
  me(signal?: AbortSignal): Promise<User> {
    return this.send<User>('GET', '/api/me', { signal });
  }

  /** Streams, newest first, optionally of one status. */
  listStreams(status?: StreamStatus, signal?: AbortSignal): Promise<Stream[]> {
    const query = status ? `?status=${encodeURIComponent(status)}` : '';
    return this.send<Stream[]>('GET', `/api/streams${query}`, { signal });
  }

  getStream(id: string, signal?: AbortSignal): Promise<Stream> {
    return this.send<Stream>('GET', `/api/streams/${encodeURIComponent(id)}`, { signal });
  }

  /** Creates a stream in `scheduled`. Creators and admins only. */
  createStream(request: CreateStreamRequest): Promise<Stream> {
    return this.send<Stream>('POST', '/api/streams', { body: request });
  }

  /** Moves the stream to `live` (start), `ended` (end) or `archived` (archive). */
  moveStream(id: string, move: StreamMove): Promise<Stream> {
    return this.send<Stream>('POST', `/api/streams/${encodeURIComponent(id)}/${move}`);
  }

  /** Sets the seconds between two messages of one viewer; 0 turns slow mode off. */
  setSlowMode(id: string, request: SlowModeRequest): Promise<Stream | null> {
    return this.send<Stream | null>('PUT', `/api/streams/${encodeURIComponent(id)}/slow-mode`, { body: request });
  }

  /** The active gift catalog, cheapest first. */
  listGifts(signal?: AbortSignal): Promise<Gift[]> {
    return this.send<Gift[]>('GET', '/api/gifts', { signal });
  }

  /** The signed-in user's balance, earnings and a page of the ledger, newest first. */
  getWallet({ limit, before, ledger }: WalletQuery = {}, signal?: AbortSignal): Promise<WalletPage> {
    const query = new URLSearchParams();
    if (ledger !== undefined) {
      query.set('ledger', ledger);
    }
    if (limit !== undefined) {
      query.set('limit', String(limit));
    }
    if (before !== undefined) {
      query.set('before', String(before));
    }
    const text = query.toString();
    return this.send<WalletPage>('GET', `/api/me/wallet${text ? `?${text}` : ''}`, { signal });
  }

  /** The whitelisted overlay actions with their parameter schemas. */
  listCommands(signal?: AbortSignal): Promise<CommandSpec[]> {
    return this.send<CommandSpec[]>('GET', '/api/commands', { signal });
  }

  /** The stream's command-gift configuration (gift → action mappings, cooldowns). */
  getCommandGifts(streamId: string, signal?: AbortSignal): Promise<CommandGiftsConfig | null> {
    return this.send<CommandGiftsConfig | null>('GET', `/api/streams/${encodeURIComponent(streamId)}/command-gifts`, { signal });
  }

  /** Replaces the stream's command-gift configuration; field errors are keyed like `mappings[0].params.color`. */
  putCommandGifts(streamId: string, config: CommandGiftsConfig): Promise<CommandGiftsConfig | null> {
    return this.send<CommandGiftsConfig | null>('PUT', `/api/streams/${encodeURIComponent(streamId)}/command-gifts`, {
      body: config,
    });
  }

  /** The spin wheel's open commitment and its last revealed rounds. */
  getWheel(streamId: string, signal?: AbortSignal): Promise<WheelHistory> {
    return this.send<WheelHistory>('GET', `/api/streams/${encodeURIComponent(streamId)}/wheel`, { signal });
  }

  /** The stream's open poll, or its last closed one; `not_found` when it never had one. */
  getPoll(streamId: string, signal?: AbortSignal): Promise<Poll> {
    return this.send<Poll>('GET', `/api/streams/${encodeURIComponent(streamId)}/poll`, { signal });
  }

  /** The audience's mood now, with the exact totals per mood. */
  getMood(streamId: string, signal?: AbortSignal): Promise<MoodSnapshot> {
    return this.send<MoodSnapshot>('GET', `/api/streams/${encodeURIComponent(streamId)}/mood`, { signal });
  }

  /** Turns the stream's mood theme on or off (its creator or an admin). */
  setMoodTheme(streamId: string, enabled: boolean): Promise<MoodSnapshot | null> {
    const body: MoodThemeRequest = { enabled };
    return this.send<MoodSnapshot | null>('PUT', `/api/streams/${encodeURIComponent(streamId)}/mood-theme`, { body });
  }

  /** The open questions by upvotes (then oldest first), then the answered ones; dismissed ones are left out. */
  getQuestions(streamId: string, signal?: AbortSignal): Promise<Question[]> {
    return this.send<Question[]>('GET', `/api/streams/${encodeURIComponent(streamId)}/questions`, { signal });
  }

  /** The running or last challenge; `not_found` when the stream never had one. */
  getChallenge(streamId: string, signal?: AbortSignal): Promise<Challenge> {
    return this.send<Challenge>('GET', `/api/streams/${encodeURIComponent(streamId)}/challenge`, { signal });
  }

  /** The stream's highlight moments, newest first. */
  getMoments(streamId: string, signal?: AbortSignal): Promise<Moment[]> {
    return this.send<Moment[]>('GET', `/api/streams/${encodeURIComponent(streamId)}/moments`, { signal });
  }

  /** The creator's layout (theme, video filter, background, widgets). */
  getOverlay(streamId: string, signal?: AbortSignal): Promise<OverlayLayout> {
    return this.send<OverlayLayout>('GET', `/api/streams/${encodeURIComponent(streamId)}/overlay`, { signal });
  }

  /** Replaces the layout (its creator or an admin); field errors are keyed like `widgets[1].text`. */
  putOverlay(streamId: string, layout: OverlayLayout): Promise<OverlayLayout> {
    return this.send<OverlayLayout>('PUT', `/api/streams/${encodeURIComponent(streamId)}/overlay`, { body: layout });
  }

  /** My XP, level, badges, counters and creator level. */
  getMyProgress(signal?: AbortSignal): Promise<Progress> {
    return this.send<Progress>('GET', '/api/me/progress', { signal });
  }

  /** Anyone's public progression; `not_found` for an unknown user. */
  getUserProgress(userId: string, signal?: AbortSignal): Promise<PublicProgress> {
    return this.send<PublicProgress>('GET', `/api/users/${encodeURIComponent(userId)}/progress`, { signal });
  }

  /** A board's top `top` (1–100), best first. */
  getLeaderboard(category: LeaderboardCategory, scope: LeaderboardScope, top: number, signal?: AbortSignal): Promise<LeaderboardEntry[]> {
    const query = new URLSearchParams({ scope, top: String(top) });
    return this.send<LeaderboardEntry[]>('GET', `/api/leaderboards/${encodeURIComponent(category)}?${query}`, { signal });
  }

  /** My rank on a board with `neighbours` (0–10) on each side; `not_found` when I am not on it. */
  getMyRank(category: LeaderboardCategory, scope: LeaderboardScope, neighbours: number, signal?: AbortSignal): Promise<MyRank> {
    const query = new URLSearchParams({ scope, neighbours: String(neighbours) });
    return this.send<MyRank>('GET', `/api/leaderboards/${encodeURIComponent(category)}/me?${query}`, { signal });
  }

  /** The current weekly season. */
  getCurrentSeason(signal?: AbortSignal): Promise<Season> {
    return this.send<Season>('GET', '/api/seasons/current', { signal });
  }

  /** A finished season's top 100 per category. */
  getSeason(number: number, signal?: AbortSignal): Promise<SeasonStandings> {
    return this.send<SeasonStandings>('GET', `/api/seasons/${number}`, { signal });
  }

  private async send<T>(method: string, path: string, { body, signal }: RequestOptions = {}): Promise<T> {
    const token = this.options.getToken();
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }

    let response: Response;
    try {
      response = await fetch(`${this.options.baseUrl ?? ''}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) {
        throw error;
      }
      throw new ApiError(0, 'offline', 'Cannot reach LiveStreamX. Check your connection.', {}, null);
    }

    if (!response.ok) {
      if (response.status === 401 && token) {
        this.options.onUnauthorized?.();
      }
      throw problemToError(response.status, await readProblem(response));
    }
    if (response.status === 204 || response.headers.get('content-length') === '0') {
      return null as T;
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : null) as T;
  }
}
