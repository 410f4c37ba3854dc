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

export interface DraftErrors {
  question?: string;
  /** By option index. */
  options: (string | undefined)[];
  durationSeconds?: string;
}

export type DraftCheck =
  | { ok: true; request: Omit<CreatePollRequest, 'streamId'> }
  | { ok: false; errors: DraftErrors };

/** The request, trimmed, or what is wrong with the draft (by field). */
export function checkDraft(draft: PollDraft): DraftCheck {
  const question = draft.question.trim();
  const options = draft.options.map((o) => o.trim());
  const errors: DraftErrors = { options: options.map(() => undefined) };
  let ok = true;

  if (question.length === 0) {
    errors.question = 'Ask a question.';
    ok = false;
  } else if (question.length > POLL_QUESTION_MAX) {
    errors.question = `At most ${POLL_QUESTION_MAX} characters.`;
    ok = false;
  }
  options.forEach((option, i) => {
    if (option.length === 0) {
      errors.options[i] = 'Fill in this option, or remove it.';
      ok = false;
    } else if (option.length > POLL_OPTION_MAX) {
      errors.options[i] = `At most ${POLL_OPTION_MAX} characters.`;
      ok = false;
    }
  });
  const duration = draft.durationSeconds;
  if (!Number.isInteger(duration) || duration < POLL_DURATION_MIN_SECONDS || duration > POLL_DURATION_MAX_SECONDS) {
    errors.durationSeconds = 'Pick a duration.';
    ok = false;
  }
  if (options.length < POLL_OPTIONS_MIN || options.length > POLL_OPTIONS_MAX) {
    ok = false; // the form never gets here: add and remove keep 2–6
  }

  return ok ? { ok, request: { question, options, durationSeconds: duration } } : { ok, errors };
}
