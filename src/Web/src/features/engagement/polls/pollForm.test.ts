import { describe, expect, it } from 'vitest';
import { addOption, checkDraft, emptyDraft, POLL_DURATIONS, removeOption, setOption, type PollDraft } from './pollForm';

const filled: PollDraft = { question: '  Next map? ', options: [' Dust', 'Nuke '], durationSeconds: 30 };

describe('the Start a poll form', () => {
  it('offers 10 s to 30 min, all within the server’s 10–1800 s', () => {
    expect(POLL_DURATIONS.map((d) => d.seconds)).toEqual([10, 30, 60, 120, 300, 1800]);
    expect(POLL_DURATIONS.map((d) => d.seconds)).toContain(emptyDraft.durationSeconds);
  });

  it('starts with two options and keeps between two and six', () => {
    expect(emptyDraft.options).toHaveLength(2);
    expect(removeOption(emptyDraft, 0).options).toHaveLength(2);
    let draft = emptyDraft;
    for (let i = 0; i < 10; i++) {
      draft = addOption(draft);
    }
    expect(draft.options).toHaveLength(6);
  });

  it('removes the option asked for', () => {
    const draft = removeOption({ ...emptyDraft, options: ['a', 'b', 'c'] }, 1);
    expect(draft.options).toEqual(['a', 'c']);
    expect(setOption(draft, 1, 'z').options).toEqual(['a', 'z']);
  });

  it('sends the question and options trimmed', () => {
    expect(checkDraft(filled)).toEqual({
      ok: true,
      request: { question: 'Next map?', options: ['Dust', 'Nuke'], durationSeconds: 30 },
    });
  });

  it('says which field is wrong, by option', () => {
    const check = checkDraft({ question: ' ', options: ['Dust', '  ', 'x'.repeat(81)], durationSeconds: 30 });
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.errors.question).toBeDefined();
      expect(check.errors.options[0]).toBeUndefined();
      expect(check.errors.options[1]).toBeDefined();
      expect(check.errors.options[2]).toMatch(/80/);
    }
  });

  it('refuses a question over 200 characters and a duration the server does not take', () => {
    expect(checkDraft({ ...filled, question: 'q'.repeat(201) }).ok).toBe(false);
    expect(checkDraft({ ...filled, question: 'q'.repeat(200) }).ok).toBe(true);
    expect(checkDraft({ ...filled, durationSeconds: 5 }).ok).toBe(false);
    expect(checkDraft({ ...filled, durationSeconds: 1801 }).ok).toBe(false);
  });
});
