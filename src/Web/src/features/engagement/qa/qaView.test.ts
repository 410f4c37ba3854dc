import { describe, expect, it } from 'vitest';
import type { Question } from '../../../api/contract';
import { checkQuestion, qaSections } from './qaView';

function q(id: string, upvotes: number, askedAt: string, status: Question['status'] = 'open'): Question {
  return { questionId: id, text: id, by: { userId: 'u', handle: 'h' }, upvotes, status, askedAt };
}

describe('the Q&A order', () => {
  it('lists open questions by upvotes, then the oldest first', () => {
    const { open } = qaSections([
      q('a', 1, '2026-11-24T12:00:03Z'),
      q('b', 5, '2026-11-24T12:00:02Z'),
      q('c', 1, '2026-11-24T12:00:01Z'),
      q('d', 0, '2026-11-24T12:00:00Z'),
    ]);
    expect(open.map((x) => x.questionId)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('puts answered questions in their own section and leaves dismissed ones out', () => {
    const sections = qaSections([
      q('a', 1, '2026-11-24T12:00:00Z', 'answered'),
      q('b', 9, '2026-11-24T12:00:00Z', 'dismissed'),
      q('c', 3, '2026-11-24T12:00:00Z', 'answered'),
      q('d', 0, '2026-11-24T12:00:00Z'),
    ]);
    expect(sections.open.map((x) => x.questionId)).toEqual(['d']);
    expect(sections.answered.map((x) => x.questionId)).toEqual(['c', 'a']);
  });

  it('is stable for equal questions', () => {
    const at = '2026-11-24T12:00:00Z';
    expect(qaSections([q('b', 1, at), q('a', 1, at)]).open.map((x) => x.questionId)).toEqual(['a', 'b']);
  });
});

describe('the ask box', () => {
  it('sends 1–300 characters, trimmed', () => {
    expect(checkQuestion('  How do you warm up?  ')).toEqual({ ok: true, text: 'How do you warm up?' });
    expect(checkQuestion('x'.repeat(300))).toEqual({ ok: true, text: 'x'.repeat(300) });
  });

  it('refuses empty and too long questions', () => {
    expect(checkQuestion('   ').ok).toBe(false);
    const long = checkQuestion('x'.repeat(301));
    expect(long.ok).toBe(false);
    expect(!long.ok && long.error).toMatch(/300/);
  });
});
