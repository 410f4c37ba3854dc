// What the Q&A panel lists, in which order, and what the ask box accepts. Pure.

import { QA_TEXT_MAX, type Question } from '../../../api/contract';

export interface QaSections {
  /** Open questions: most upvoted first, then the oldest (the server's order). */
  open: Question[];
  /** Answered questions, in the same order. */
  answered: Question[];
}

/** Most upvotes first; among equals the one asked first; then by id, so that the order never flickers. */
export function compareQuestions(a: Question, b: Question): number {
  return (
    b.upvotes - a.upvotes ||
    (Date.parse(a.askedAt) || 0) - (Date.parse(b.askedAt) || 0) ||
    (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0)
  );
}

/** The open and the answered questions, each ordered; dismissed ones are not shown. */
export function qaSections(questions: Iterable<Question>): QaSections {
  const open: Question[] = [];
  const answered: Question[] = [];
  for (const q of questions) {
    if (q.status === 'open') {
      open.push(q);
    } else if (q.status === 'answered') {
      answered.push(q);
    }
  }
  return { open: open.sort(compareQuestions), answered: answered.sort(compareQuestions) };
}

export type QuestionCheck = { ok: true; text: string } | { ok: false; error: string };

/** The question to send (trimmed, 1–300 characters), or why not. */
export function checkQuestion(text: string): QuestionCheck {
  const trimmed = text.trim();
  if (trimmed.length === 0) {
    return { ok: false, error: 'Type a question first.' };
  }
  if (trimmed.length > QA_TEXT_MAX) {
    return { ok: false, error: `A question is at most ${QA_TEXT_MAX} characters (this one has ${trimmed.length}).` };
  }
  return { ok: true, text: trimmed };
}
