// The host's "Start a challenge" form: a draft, its checks (the server's rules), the optional reward (an overlay action
// with parameters from `GET /api/commands`, edited with the command editor's inputs) and the request it becomes. Pure.

import {
  CHALLENGE_DURATION_MAX_SECONDS,
  CHALLENGE_DURATION_MIN_SECONDS,
  CHALLENGE_KINDS,
  CHALLENGE_TARGET_MAX,
  CHALLENGE_TARGET_MIN,
  type ChallengeKind,
  type CommandParamValue,
  type CommandSpec,
  type StartChallengeRequest,
} from '../../../api/contract';
import { canonicalKey, type FieldErrors, type ParamDraft, paramsDraft, toValue } from '../../studio/commandForm';
import { CHALLENGE_KIND_INFO } from './challengeView';

export interface ChallengeDraft {
  kind: ChallengeKind;
  /** As typed. */
  target: string;
  /** Seconds, as typed. */
  durationSeconds: string;
  /** '' for no reward. */
  rewardAction: string;
  rewardParams: Record<string, ParamDraft>;
}

export const DEFAULT_CHALLENGE_DURATION = 300;

export function emptyChallengeDraft(kind: ChallengeKind = 'gift-tokens'): ChallengeDraft {
  return {
    kind,
    target: String(CHALLENGE_KIND_INFO[kind].defaultTarget),
    durationSeconds: String(DEFAULT_CHALLENGE_DURATION),
    rewardAction: '',
    rewardParams: {},
  };
}

/** Another kind; a target still at the old kind's suggestion takes the new kind's. */
export function withKind(draft: ChallengeDraft, kind: ChallengeKind): ChallengeDraft {
  const suggested = draft.target.trim() === String(CHALLENGE_KIND_INFO[draft.kind].defaultTarget) || draft.target.trim() === '';
  return { ...draft, kind, target: suggested ? String(CHALLENGE_KIND_INFO[kind].defaultTarget) : draft.target };
}

/** Another reward action; parameters of the same name keep what they held. */
export function withReward(draft: ChallengeDraft, action: string, specs: readonly CommandSpec[]): ChallengeDraft {
  const spec = specs.find((s) => s.action === action);
  return { ...draft, rewardAction: spec ? action : '', rewardParams: spec ? paramsDraft(spec, draft.rewardParams) : {} };
}

export const rewardParamKey = (name: string) => `reward.params.${name}`;

export type ChallengeCheck =
  | { ok: true; request: Omit<StartChallengeRequest, 'streamId'> }
  | { ok: false; errors: FieldErrors };

function wholeIn(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  const n = Number(trimmed);
  return trimmed !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

function isBlank(value: ParamDraft | undefined): boolean {
  return value === undefined || (Array.isArray(value) ? value.every((v) => v.trim() === '') : value.trim() === '');
}

/** The request, or the field errors keyed like the server's (`target`, `reward.params.color`). */
export function checkChallengeDraft(draft: ChallengeDraft, specs: readonly CommandSpec[]): ChallengeCheck {
  const errors = new Map<string, string>();
  if (!CHALLENGE_KINDS.includes(draft.kind)) {
    errors.set('kind', 'Pick what the audience should do.');
  }
  const target = wholeIn(draft.target, CHALLENGE_TARGET_MIN, CHALLENGE_TARGET_MAX);
  if (target === null) {
    errors.set('target', `A whole number from ${CHALLENGE_TARGET_MIN} to ${CHALLENGE_TARGET_MAX.toLocaleString('en')}.`);
  }
  const duration = wholeIn(draft.durationSeconds, CHALLENGE_DURATION_MIN_SECONDS, CHALLENGE_DURATION_MAX_SECONDS);
  if (duration === null) {
    errors.set(
      canonicalKey('durationSeconds'),
      `Whole seconds from ${CHALLENGE_DURATION_MIN_SECONDS} to ${CHALLENGE_DURATION_MAX_SECONDS} (an hour).`,
    );
  }

  let reward: StartChallengeRequest['reward'] = null;
  if (draft.rewardAction) {
    const spec = specs.find((s) => s.action === draft.rewardAction);
    if (!spec) {
      errors.set(canonicalKey('reward.action'), 'Pick a reward, or none.');
    } else {
      const params: Record<string, CommandParamValue> = {};
      for (const param of spec.params) {
        const input = draft.rewardParams[param.name];
        if (isBlank(input)) {
          if (param.required) {
            errors.set(canonicalKey(rewardParamKey(param.name)), 'Required.');
          }
          continue;
        }
        const read = toValue(param, input!);
        if ('error' in read) {
          errors.set(canonicalKey(rewardParamKey(param.name)), read.error);
        } else {
          params[param.name] = read.value;
        }
      }
      reward = { action: spec.action, params };
    }
  }

  if (errors.size > 0 || target === null || duration === null) {
    return { ok: false, errors };
  }
  return { ok: true, request: { kind: draft.kind, target, durationSeconds: duration, reward } };
}

const HUB_FIELD = /(?:^|\s)((?:kind|target|durationSeconds|reward(?:\.[A-Za-z0-9_]+|\[\d+\])*)):\s/g;

/**
 * The field errors in a hub `invalid_input` sentence. The hub joins them as `field: message field: message`
 * (`target: A target is 1–10,000,000. reward.params.color: A colour is #rrggbb.`); a sentence without field names
 * gives none.
 */
export function hubFieldErrors(sentence: string | undefined): FieldErrors {
  const errors = new Map<string, string>();
  if (!sentence) {
    return errors;
  }
  const marks = [...sentence.matchAll(HUB_FIELD)];
  marks.forEach((mark, i) => {
    const start = mark.index + mark[0].length;
    const end = i + 1 < marks.length ? marks[i + 1]!.index : sentence.length;
    const message = sentence.slice(start, end).trim();
    if (message) {
      const key = canonicalKey(mark[1]!);
      errors.set(key, errors.has(key) ? `${errors.get(key)} ${message}` : message);
    }
  });
  return errors;
}
