import { ERROR_CODES, type ErrorCode, type ProblemDetails } from './contract';

/** A stable code from PROTOCOL.md, or one of the client's own: `offline` (no hub connection), `unknown`. */
export type ClientErrorCode = ErrorCode | 'offline' | 'unknown';

const HUB_CODE = /HubException: ([a-z_]+):\s*([\s\S]*)$/;

const FALLBACK: Record<ClientErrorCode, string> = {
  invalid_input: 'That was not accepted. Check it and try again.',
  unauthorized: 'Your session has ended. Sign in again.',
  forbidden: 'You are not allowed to do that.',
  not_found: 'It does not exist (any more).',
  invalid_transition: 'The stream cannot make that move from where it is.',
  conflict: 'That is already in use.',
  not_live: 'The stream is not live.',
  insufficient_funds: 'Not enough tokens.',
  rate_limited: 'Slow down: you are going too fast.',
  unavailable: 'The service is busy. Try again in a moment.',
  blocked: 'That message was not sent: it contains a blocked word.',
  held: 'Your message waits for a moderator to approve it.',
  still_live: 'The stream has not ended: watch it live.',
  vod_not_ready: 'The replay is being archived. Try again in a moment.',
  media_not_configured: 'Live video is not set up on this server.',
  too_large: 'That file is too large.',
  unsupported_media: 'That file is not an MP4, MOV or WebM video.',
  upload_incomplete: 'Part of the file has not arrived yet.',
  segment_not_ready: 'That clip is not ready to play yet.',
  frozen: 'Gifting is frozen on your wallet until it is settled.',
  not_configured: 'Purchases are not available here yet.',
  invalid_signature: 'The payment notice could not be verified.',
  offline: 'You are offline. Reconnecting…',
  unknown: 'Something went wrong. Try again.',
};

function isErrorCode(value: string | undefined): value is ErrorCode {
  return value !== undefined && (ERROR_CODES as readonly string[]).includes(value);
}

/** A friendly sentence for a code and, when there is one, the server's own sentence. */
export function friendlyMessage(code: ClientErrorCode, sentence?: string): string {
  const said = sentence?.trim();
  if (!said) {
    return FALLBACK[code];
  }
  if (code === 'rate_limited' && !/^slow down/i.test(said)) {
    return `Slow down. ${said}`;
  }
  return said;
}

/** A failed hub invocation or hub connection, with its stable code. */
export class LiveError extends Error {
  override readonly name = 'LiveError';

  constructor(
    readonly code: ClientErrorCode,
    /** The server's sentence for people, if it sent one. */
    readonly sentence: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(friendlyMessage(code, sentence), options);
  }

  /** Whether trying the same thing again later may work. */
  get retryable(): boolean {
    return this.code === 'unavailable' || this.code === 'rate_limited' || this.code === 'offline';
  }
}

/** Reads `… HubException: rate_limited: Slow down: try again in 2 s.` into a LiveError. */
export function toLiveError(error: unknown): LiveError {
  if (error instanceof LiveError) {
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  const match = HUB_CODE.exec(message);
  if (match && isErrorCode(match[1])) {
    return new LiveError(match[1], match[2], { cause: error });
  }
  return new LiveError('unknown', undefined, { cause: error });
}

/** A non-2xx REST answer, read from its `application/problem+json` body. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    /** Field-level validation messages, keyed by camelCase field name. */
    readonly fieldErrors: Readonly<Record<string, readonly string[]>>,
    readonly problem: ProblemDetails | null,
  ) {
    super(message);
  }

  /** The messages for one field, joined, or undefined. */
  field(name: string): string | undefined {
    const messages = this.fieldErrors[name];
    return messages && messages.length > 0 ? messages.join(' ') : undefined;
  }
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  402: 'insufficient_funds',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
  503: 'unavailable',
};

/** `Handle` → `handle`, `Mappings[0].Params.Color` → `mappings[0].params.color`. */
export function camelCaseKey(key: string): string {
  // ASP.NET Core may name fields as the C# property (`Handle`, `Items[0].Name`): lower each path segment's first letter.
  return key.replace(/(^|\.)([A-Z])/g, (_, dot: string, letter: string) => dot + letter.toLowerCase());
}

/** Builds the ApiError for a status and a (possibly missing or non-problem) body. */
export function problemToError(status: number, problem: ProblemDetails | null): ApiError {
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(problem?.errors ?? {})) {
    if (Array.isArray(messages)) {
      const name = camelCaseKey(key);
      fieldErrors[name] = [...(fieldErrors[name] ?? []), ...messages];
    }
  }

  const typeCode = problem?.type?.split('/').pop();
  const code: ClientErrorCode = isErrorCode(problem?.code)
    ? problem.code
    : isErrorCode(typeCode)
      ? typeCode
      : (STATUS_CODES[status] ?? 'unknown');

  const fieldMessages = Object.values(fieldErrors).flat();
  const message =
    fieldMessages.length > 0
      ? fieldMessages.join(' ')
      : problem?.detail?.trim() || problem?.title?.trim() || FALLBACK[code];

  return new ApiError(status, code, message, fieldErrors, problem);
}
