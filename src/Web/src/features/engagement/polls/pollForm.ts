// The "Start a poll" form: a draft, its checks (the server's rules, so that a mistake shows before sending), and the
// request it becomes. Pure.

import {
  POLL_DURATION_MAX_SECONDS,
  POLL_DURATION_MIN_SECONDS,
  POLL_OPTION_MAX,
  POLL_OPTIONS_MAX,
  POLL_OPTIONS_MIN,
  POLL_QUESTION_MAX,
  type CreatePollRequest,
} from '../../../api/contract';
import { z } from 'zod';

/** The durations offered, in seconds (the select's values). */
export const POLL_DURATIONS: readonly { seconds: number; label: string }[] = [
  { seconds: 10, label: '10 s' },
  { seconds: 30, label: '30 s' },
  { seconds: 60, label: '1 min' },
  { seconds: 120, label: '2 min' },
  { seconds: 300, label: '5 min' },
  { seconds: 1800, label: '30 min' },
];

export const DEFAULT_POLL_DURATION = 60;

export interface PollDraft {
  question: string;
  options: string[];
  durationSeconds: number;
}

export const emptyDraft: PollDraft = { question: '', options: ['', ''], durationSeconds: DEFAULT_POLL_DURATION };

export function canAddOption(draft: PollDraft): boolean {
  return draft.options.length < POLL_OPTIONS_MAX;
}

export function canRemoveOption(draft: PollDraft): boolean {
  return draft.options.length > POLL_OPTIONS_MIN;
}

export function addOption(draft: PollDraft): PollDraft {
  return canAddOption(draft) ? { ...draft, options: [...draft.options, ''] } : draft;
}

export function removeOption(draft: PollDraft, index: number): PollDraft {
  return canRemoveOption(draft) && index >= 0 && index < draft.options.length
    ? { ...draft, options: draft.options.filter((_, i) => i !== index) }
    : draft;
}

export function setOption(draft: PollDraft, index: number, value: string): PollDraft {
  return { ...draft, options: draft.options.map((o, i) => (i === index ? value : o)) };
}

/** The server's words for each field (PollGrain), so that a mistake reads the same before and after sending. */
export const POLL_MESSAGES = {
  question: `A question is 1–${POLL_QUESTION_MAX} characters.`,
  options: `${POLL_OPTIONS_MIN}–${POLL_OPTIONS_MAX} options of 1–${POLL_OPTION_MAX} characters.`,
  durationSeconds: 'A poll runs 10 seconds to 30 minutes.',
} as const;

/**
 * The `poll:create` request's rules as a zod schema over the draft: its output is the request (trimmed), checked
 * against the generated contract's type, and its messages are the server's.
 */
export const pollDraftSchema = z.object({
  question: z.string().trim().min(1, POLL_MESSAGES.question).max(POLL_QUESTION_MAX, POLL_MESSAGES.question),
  options: z
    .array(z.string().trim().min(1, POLL_MESSAGES.options).max(POLL_OPTION_MAX, POLL_MESSAGES.options))
    .min(POLL_OPTIONS_MIN, POLL_MESSAGES.options)
    .max(POLL_OPTIONS_MAX, POLL_MESSAGES.options),
  durationSeconds: z
    .number()
    .int(POLL_MESSAGES.durationSeconds)
    .min(POLL_DURATION_MIN_SECONDS, POLL_MESSAGES.durationSeconds)
    .max(POLL_DURATION_MAX_SECONDS, POLL_MESSAGES.durationSeconds),
}) satisfies z.ZodType<Omit<CreatePollRequest, 'streamId'>, PollDraft>;

export type PollRequest = z.output<typeof pollDraftSchema>;

export interface DraftErrors {
  question?: string;
  /** By option index. */
  options: (string | undefined)[];
  durationSeconds?: string;
}

export type DraftCheck =
  | { ok: true; request: Omit<CreatePollRequest, 'streamId'> }
  | { ok: false; errors: DraftErrors };

/** The request, trimmed, or what is wrong with the draft (by field, and by option). */
export function checkDraft(draft: PollDraft): DraftCheck {
  const result = pollDraftSchema.safeParse(draft);
  if (result.success) {
    return { ok: true, request: result.data };
  }
  const errors: DraftErrors = { options: draft.options.map(() => undefined) };
  for (const issue of result.error.issues) {
    const [field, index] = issue.path;
    if (field === 'options' && typeof index === 'number') {
      errors.options[index] = issue.message;
    } else if (field === 'question' || field === 'durationSeconds') {
      errors[field] ??= issue.message;
    }
  }
  return { ok: false, errors };
}
