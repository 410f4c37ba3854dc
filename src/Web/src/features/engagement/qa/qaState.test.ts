import { describe, expect, it } from 'vitest';
import type { Question } from '../../../api/contract';
import { initialQa, mergeQuestion, qaReducer, readQuestion, type QaState } from './qaState';

function q(id: string, upvotes = 0, status: Question['status'] = 'open', askedAt = '2026-11-24T12:00:00Z'): Question {
  return { questionId: id, text: `question ${id}`, by: { userId: 'u_1', handle: 'ada' }, upvotes, status, askedAt };
}

function listed(questions: unknown[], state: QaState = initialQa): QaState {
  return qaReducer(state, { type: 'listed', questions });
}

describe('the Q&A state', () => {
  it('takes the fetched list', () => {
    const state = listed([q('q_1', 3), q('q_2', 1, 'answered')]);
    expect(state.loaded).toBe(true);
    expect(Object.keys(state.questions).sort()).toEqual(['q_1', 'q_2']);
  });

  it('applies qa:update as the question now is', () => {
    let state = listed([q('q_1', 0)]);
    state = qaReducer(state, { type: 'event', question: q('q_1', 1) });
    state = qaReducer(state, { type: 'event', question: q('q_2', 0) });
    expect(state.questions.q_1?.upvotes).toBe(1);
    expect(state.questions.q_2?.status).toBe('open');
  });

  it('never lowers upvotes nor reopens a question, whatever the order', () => {
    let state = qaReducer(initialQa, { type: 'event', question: q('q_1', 5, 'answered') });
    state = listed([q('q_1', 3, 'open')], state); // a list fetched before those events
    expect(state.questions.q_1).toMatchObject({ upvotes: 5, status: 'answered' });
    state = qaReducer(state, { type: 'event', question: q('q_1', 4, 'open') });
    expect(state.questions.q_1).toMatchObject({ upvotes: 5, status: 'answered' });
  });

  it('lets events move a marked question between answered and dismissed, but not stale copies', () => {
    let state = qaReducer(initialQa, { type: 'event', question: q('q_1', 2, 'answered') });
    state = qaReducer(state, { type: 'event', question: q('q_1', 2, 'dismissed') });
    expect(state.questions.q_1?.status).toBe('dismissed');
    state = listed([q('q_1', 2, 'answered')], state);
    expect(state.questions.q_1?.status).toBe('dismissed');
    state = qaReducer(state, { type: 'received', question: q('q_1', 2, 'answered') });
    expect(state.questions.q_1?.status).toBe('dismissed');
  });

  it('keeps the same state when nothing changed', () => {
    const state = listed([q('q_1', 2)]);
    expect(qaReducer(state, { type: 'received', question: q('q_1', 1) })).toBe(state);
  });

  it('ignores what is not a question', () => {
    const state = listed([q('q_1')]);
    expect(qaReducer(state, { type: 'event', question: { text: 'no id' } })).toBe(state);
    expect(qaReducer(state, { type: 'event', question: null })).toBe(state);
    expect(listed(['x', 3, { questionId: 'q_9', status: 'weird' }]).questions).toEqual({});
  });

  it('reads statuses however the server spells them, and defends every field', () => {
    expect(readQuestion({ questionId: 'q_1', status: 'Answered', upvotes: -3 })).toEqual({
      questionId: 'q_1',
      text: '',
      by: { userId: '', handle: '' },
      upvotes: 0,
      status: 'answered',
      askedAt: '',
    });
    expect(readQuestion({ questionId: 'q_1', status: 2 })?.status).toBe('dismissed');
  });

  it('merges a first copy as it is', () => {
    expect(mergeQuestion(undefined, q('q_1', 4), false)).toEqual(q('q_1', 4));
  });

  it('starts over on reset', () => {
    expect(qaReducer(listed([q('q_1')]), { type: 'reset' })).toBe(initialQa);
  });
});
