// The host's "Start a challenge" form: a draft, its checks (the server's rules), the optional reward (an overlay action
// with parameters from `GET /api/commands`, edited with the command editor's inputs) and the request it becomes. Pure.

import {
  CHALLENGE_DURATION_MAX_SECONDS,
  CHALLENGE_DURATION_MIN_SECONDS,
  CHALLENGE_KINDS,
  CHALLENGE_TARGET_MAX,
  CHALLENGE_TARGET_MIN,
  type ChallengeKind,
  type CommandSpec,
  type StartChallengeRequest,
} from '../../../api/contract';
import { z } from 'zod';
import { canonicalKey, checkParams, type FieldErrors, issueErrors, type ParamDraft, paramsDraft } from '../../studio/commandForm';
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

/** The server's words for each field (StreamGrain.Challenges), so that a mistake reads the same before and after. */
export const CHALLENGE_MESSAGES = {
  kind: 'The kind is gift-tokens, reactions, chat-messages or new-viewers.',
  target: `A target is ${CHALLENGE_TARGET_MIN}–${CHALLENGE_TARGET_MAX.toLocaleString('en')}.`,
  durationSeconds: 'A challenge runs 10 seconds to an hour.',
  rewardAction: 'Pick a reward, or none.',
} as const;

const wholeIn = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .refine((text) => text !== '' && Number.isInteger(Number(text)) && Number(text) >= min && Number(text) <= max, message)
    .transform(Number);

/**
 * The `challenge:start` request's rules as a zod schema over the draft: its output is the request (reward params
 * typed by the action's schema from `GET /api/commands`), checked against the generated contract's type; the
 * issues' paths are the server's field names (`target`, `reward.params.color`) and their messages its words.
 */
export function challengeDraftSchema(specs: readonly CommandSpec[]) {
  const goal = z.object({
    kind: z.enum(CHALLENGE_KINDS, CHALLENGE_MESSAGES.kind),
    target: wholeIn(CHALLENGE_TARGET_MIN, CHALLENGE_TARGET_MAX, CHALLENGE_MESSAGES.target),
    durationSeconds: wholeIn(CHALLENGE_DURATION_MIN_SECONDS, CHALLENGE_DURATION_MAX_SECONDS, CHALLENGE_MESSAGES.durationSeconds),
  });
  // Apart from the goal, so that both sides' mistakes show at once (a transform does not run after a failed field).
  const reward = z
    .object({ rewardAction: z.string(), rewardParams: z.record(z.string(), z.union([z.string(), z.array(z.string())])) })
    .transform(({ rewardAction, rewardParams }, ctx): Pick<ChallengeRequest, 'reward'> => {
      if (!rewardAction) {
        return { reward: null };
      }
      const spec = specs.find((s) => s.action === rewardAction);
      if (!spec) {
        ctx.addIssue({ code: 'custom', path: ['reward', 'action'], message: CHALLENGE_MESSAGES.rewardAction });
        return z.NEVER;
      }
      const params = checkParams(spec, rewardParams, ctx, ['reward', 'params']);
      return { reward: { action: spec.action, params } };
    });
  return z.intersection(goal, reward) satisfies z.ZodType<ChallengeRequest, ChallengeDraft>;
}

export type ChallengeRequest = Omit<StartChallengeRequest, 'streamId'>;

export { fromFormErrors, issueErrors, toFormErrors } from '../../studio/commandForm';

/** The request, or the field errors keyed like the server's (`target`, `reward.params.color`). */
export function checkChallengeDraft(draft: ChallengeDraft, specs: readonly CommandSpec[]): ChallengeCheck {
  const result = challengeDraftSchema(specs).safeParse(draft);
  return result.success ? { ok: true, request: result.data } : { ok: false, errors: issueErrors(result.error.issues) };
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
