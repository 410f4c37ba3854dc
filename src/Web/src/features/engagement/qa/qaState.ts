// The stream's questions as the page knows them: the REST list fetched on each (re)built view, `qa:update` events in
// seq order, and the answers to this user's own calls. Pure; questions from the wire are read defensively.
//
// Two facts make merging safe in any order: upvotes only ever go up, and a question never goes back to `open`
// (the creator marks it answered or dismissed). So whatever arrives, the larger count and the marked status win.

import type { Question, QuestionStatus } from '../../../api/contract';
import { count, isRecord, oneOf, str } from '../../../lib/read';

const STATUSES: readonly QuestionStatus[] = ['open', 'answered', 'dismissed'];

/** Questions kept per stream (the server keeps 500). */
export const MAX_QUESTIONS = 500;

export interface QaState {
  /** By questionId; dismissed ones stay here (hidden) so that a late copy cannot bring them back. */
  questions: Readonly<Record<string, Question>>;
  /** The list was fetched for the current view (before that the panel shows it is loading). */
  loaded: boolean;
}

export type QaAction =
  | { type: 'reset' }
  /** `GET /api/streams/{id}/questions`: may be older than events already applied. */
  | { type: 'listed'; questions: unknown }
  /** A `qa:update` event, in seq order. */
  | { type: 'event'; question: unknown }
  /** A hub answer (`qa:ask`, `qa:upvote`, `qa:mark`): fresh, but outside the event order. */
  | { type: 'received'; question: unknown };

export const initialQa: QaState = { questions: {}, loaded: false };

/** A question from the wire, or null when it is not one. */
export function readQuestion(raw: unknown): Question | null {
  if (!isRecord(raw)) {
    return null;
  }
  const questionId = str(raw.questionId);
  const status = oneOf(STATUSES, raw.status);
  if (!questionId || !status) {
    return null;
  }
  const by = isRecord(raw.by) ? raw.by : {};
  return {
    questionId,
    text: str(raw.text) ?? '',
    by: { userId: str(by.userId) ?? '', handle: str(by.handle) ?? '' },
    upvotes: count(raw.upvotes),
    status,
    askedAt: str(raw.askedAt) ?? '',
  };
}

/**
 * Folds a copy of a question into the one the page has. `ordered` copies (events) may move a marked question from
 * answered to dismissed and back; out-of-band copies never change a marked status, since they may be stale.
 */
export function mergeQuestion(current: Question | undefined, incoming: Question, ordered: boolean): Question {
  if (!current) {
    return incoming;
  }
  const status: QuestionStatus =
    incoming.status === 'open' ? current.status : ordered || current.status === 'open' ? incoming.status : current.status;
  return { ...current, ...incoming, upvotes: Math.max(current.upvotes, incoming.upvotes), status };
}

function put(state: QaState, incoming: Question, ordered: boolean): QaState {
  const current = state.questions[incoming.questionId];
  const merged = mergeQuestion(current, incoming, ordered);
  if (
    current &&
    current.upvotes === merged.upvotes &&
    current.status === merged.status &&
    current.text === merged.text
  ) {
    return state;
  }
  return { ...state, questions: trim({ ...state.questions, [merged.questionId]: merged }) };
}

/** Beyond the cap, the dismissed questions go first, then the oldest. */
function trim(questions: Record<string, Question>): Record<string, Question> {
  const all = Object.values(questions);
  if (all.length <= MAX_QUESTIONS) {
    return questions;
  }
  const keep = all
    .sort((a, b) => Number(a.status === 'dismissed') - Number(b.status === 'dismissed') || b.askedAt.localeCompare(a.askedAt))
    .slice(0, MAX_QUESTIONS);
  return Object.fromEntries(keep.map((q) => [q.questionId, q]));
}

export function qaReducer(state: QaState, action: QaAction): QaState {
  switch (action.type) {
    case 'reset':
      return initialQa;
    case 'listed': {
      let next: QaState = { ...state, loaded: true };
      for (const raw of Array.isArray(action.questions) ? action.questions : []) {
        const question = readQuestion(raw);
        if (question) {
          next = put(next, question, false);
        }
      }
      return next;
    }
    case 'event':
    case 'received': {
      const question = readQuestion(action.question);
      return question ? put(state, question, action.type === 'event') : state;
    }
  }
}
