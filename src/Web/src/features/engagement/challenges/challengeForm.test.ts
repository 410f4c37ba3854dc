import { describe, expect, it } from 'vitest';
import { LiveError } from '../../../api/errors';
import type { CommandSpec } from '../../../api/contract';
import { errorAt } from '../../studio/commandForm';
import { challengeFailure } from './challengeErrors';
import { checkChallengeDraft, emptyChallengeDraft, hubFieldErrors, withKind, withReward } from './challengeForm';

const specs: CommandSpec[] = [
  {
    action: 'confetti',
    params: [
      { name: 'color', type: 'color', required: false },
      { name: 'intensity', type: 'int', required: false, min: 1, max: 5 },
    ],
    defaults: { intensity: 3 },
  },
  { action: 'spotlight-message', params: [{ name: 'text', type: 'string', required: true, min: 1, max: 120 }] },
];

describe('the "Start a challenge" form', () => {
  it('becomes the request, without a reward by default', () => {
    const check = checkChallengeDraft({ ...emptyChallengeDraft('reactions'), target: '250', durationSeconds: '60' }, specs);
    expect(check).toEqual({ ok: true, request: { kind: 'reactions', target: 250, durationSeconds: 60, reward: null } });
  });

  it('sends the reward with its typed parameters, leaving blank optional ones out', () => {
    let draft = withReward(emptyChallengeDraft(), 'confetti', specs);
    draft = { ...draft, rewardParams: { ...draft.rewardParams, color: '#FF00AA' } };
    const check = checkChallengeDraft(draft, specs);
    expect(check.ok && check.request.reward).toEqual({ action: 'confetti', params: { color: '#ff00aa' } });
  });

  it('keys its errors like the server', () => {
    let draft = withReward({ ...emptyChallengeDraft(), target: '0', durationSeconds: '5' }, 'spotlight-message', specs);
    draft = { ...draft, rewardParams: { text: '' } };
    const check = checkChallengeDraft(draft, specs);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(errorAt(check.errors, 'target')).toBe('A target is 1–10,000,000.');
      expect(errorAt(check.errors, 'durationSeconds')).toBe('A challenge runs 10 seconds to an hour.');
      expect(errorAt(check.errors, 'reward.params.text')).toBe('Required.');
    }
  });

  it('refuses a target that is not whole or too large', () => {
    expect(checkChallengeDraft({ ...emptyChallengeDraft(), target: '2.5' }, specs).ok).toBe(false);
    expect(checkChallengeDraft({ ...emptyChallengeDraft(), target: '10000001' }, specs).ok).toBe(false);
    expect(checkChallengeDraft({ ...emptyChallengeDraft(), target: '10000000' }, specs).ok).toBe(true);
  });

  it('suggests a target per kind until the host typed their own', () => {
    const draft = withKind(emptyChallengeDraft('gift-tokens'), 'chat-messages');
    expect(draft.target).toBe('50');
    expect(withKind({ ...draft, target: '75' }, 'reactions').target).toBe('75');
  });

  it('drops the reward for an unknown action', () => {
    expect(withReward(emptyChallengeDraft(), 'nope', specs).rewardAction).toBe('');
  });
});

describe('hub field errors', () => {
  it('are read from the invalid_input sentence', () => {
    const errors = hubFieldErrors('target: A target is 1–10,000,000. reward.params.color: A colour is #rrggbb.');
    expect(errorAt(errors, 'target')).toBe('A target is 1–10,000,000.');
    expect(errorAt(errors, 'reward.params.color')).toBe('A colour is #rrggbb.');
  });

  it('are none for a plain sentence', () => {
    expect(hubFieldErrors('The kind is gift-tokens, reactions, chat-messages or new-viewers.').size).toBe(0);
    expect(hubFieldErrors(undefined).size).toBe(0);
  });

  it('reach the form through the failure', () => {
    const failure = challengeFailure(new Error('HubException: invalid_input: durationSeconds: A challenge runs 10 seconds to an hour.'));
    expect(failure.message).toBe('');
    expect(errorAt(failure.fields, 'durationSeconds')).toMatch(/an hour/);
    expect(challengeFailure(new Error('HubException: conflict: A challenge is running already.')).message).toMatch(/running already/);
    expect(challengeFailure(new LiveError('not_live', undefined)).message).toMatch(/live/);
  });
});
