import { useId, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  CHALLENGE_DURATION_MAX_SECONDS,
  CHALLENGE_DURATION_MIN_SECONDS,
  CHALLENGE_KINDS,
  CHALLENGE_TARGET_MAX,
  CHALLENGE_TARGET_MIN,
  type Challenge,
  type ChallengeKind,
  type Stream,
} from '../../../api/contract';
import { FormField } from '../../../components/FormField';
import { formatDuration } from '../../../lib/countdown';
import { useSubmit } from '../../../lib/useSubmit';
import { ACTION_HELP, actionLabel } from '../../studio/actionLabels';
import { errorAt, fieldErrorResolver, type FieldErrors } from '../../studio/commandForm';
import { ParamField } from '../../studio/ParamField';
import { useCommandSpecs } from '../../studio/useCommandSpecs';
import { challengeFailure } from './challengeErrors';
import {
  challengeDraftSchema,
  emptyChallengeDraft,
  fromFormErrors,
  rewardParamKey,
  withKind,
  withReward,
  type ChallengeDraft,
  type ChallengeRequest,
} from './challengeForm';
import { CHALLENGE_KIND_INFO } from './challengeView';
import type { ChallengeController } from './useChallenge';

const NO_ERRORS: FieldErrors = new Map();

interface ChallengeFormProps {
  stream: Stream | null;
  challenge: Challenge | null;
  onStart: ChallengeController['start'];
}

/**
 * The host's "Start a challenge": what counts, the target, how long, and optionally a reward (an overlay action with
 * its parameters, edited like a command gift's) that runs when the audience makes it. Shows while none runs.
 */
export function ChallengeForm({ stream, challenge, onStart }: ChallengeFormProps) {
  const id = useId();
  const { specs, error: specsError } = useCommandSpecs();
  const schema = useMemo(() => challengeDraftSchema(specs ?? []), [specs]);
  const { register, handleSubmit, setValue, reset, trigger, formState, control } = useForm<ChallengeDraft, unknown, ChallengeRequest>({
    resolver: fieldErrorResolver(schema),
    defaultValues: emptyChallengeDraft(),
  });
  const draft = useWatch({ control }) as ChallengeDraft;
  // The client's checks and the server's answer land in the same place, keyed like the server's fields.
  const [serverErrors, setServerErrors] = useState<FieldErrors>(NO_ERRORS);
  const errors: FieldErrors = serverErrors.size > 0 ? serverErrors : fromFormErrors(formState.errors);
  const [failure, setFailure] = useState<string | null>(null);
  const { busy, run } = useSubmit();

  function changed() {
    setServerErrors(NO_ERRORS);
    setFailure(null);
  }

  function edit(next: ChallengeDraft) {
    for (const field of ['kind', 'target', 'durationSeconds', 'rewardAction', 'rewardParams'] as const) {
      if (next[field] !== draft[field]) {
        setValue(field, next[field]);
      }
    }
    // Once a start was tried, the whole form is checked again: its errors are flat keys (`reward.params.color`), not
    // the draft's field names, so checking one field would leave a fixed reward parameter's error standing.
    if (formState.isSubmitted) {
      void trigger();
    }
    changed();
  }

  const submit = handleSubmit(async (request) => {
    if (!stream || busy) {
      return;
    }
    setFailure(null);
    await run(
      async () => {
        await onStart(request);
        reset({ ...emptyChallengeDraft(draft.kind), durationSeconds: draft.durationSeconds, rewardAction: draft.rewardAction, rewardParams: draft.rewardParams });
      },
      (caught) => {
        const result = challengeFailure(caught);
        setServerErrors(result.fields);
        setFailure(result.message || null);
      },
    );
  });

  if (challenge?.status === 'running') {
    return (
      <section className="host-card host-card--waiting" aria-label="Start a challenge">
        <h2 className="host-card__title">Start a challenge</h2>
        <p className="muted">A challenge is running (under the video). When it ends you can start the next one.</p>
      </section>
    );
  }

  const spec = specs?.find((s) => s.action === draft.rewardAction);
  const targetError = errorAt(errors, 'target');
  const durationError = errorAt(errors, 'durationSeconds');
  const kindError = errorAt(errors, 'kind');
  const rewardError = errorAt(errors, 'reward.action') ?? errorAt(errors, 'reward.params') ?? errorAt(errors, 'reward');
  const seconds = Number(draft.durationSeconds);

  return (
    <form className="host-card challenge-form" data-testid="challenge-form" onSubmit={submit} noValidate aria-label="Start a challenge">
      <h2 className="host-card__title">Start a challenge</h2>
      <div className="challenge-form__grid">
        <FormField id={`${id}-kind`} label="The audience has to reach" error={kindError} errorTestId="challenge-error">
          <select
            id={`${id}-kind`}
            className="input select"
            data-testid="challenge-kind"
            value={draft.kind}
            aria-invalid={kindError ? true : undefined}
            onChange={(e) => edit(withKind(draft, e.target.value as ChallengeKind))}
          >
            {CHALLENGE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {CHALLENGE_KIND_INFO[kind].icon} {CHALLENGE_KIND_INFO[kind].label}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          id={`${id}-target`}
          label={
            <>
              Target <span className="param-field__hint">{CHALLENGE_KIND_INFO[draft.kind].unit}</span>
            </>
          }
          error={targetError}
          errorTestId="challenge-error"
        >
          <input
            id={`${id}-target`}
            className="input"
            data-testid="challenge-target"
            type="number"
            inputMode="numeric"
            min={CHALLENGE_TARGET_MIN}
            max={CHALLENGE_TARGET_MAX}
            step={1}
            aria-invalid={targetError ? true : undefined}
            aria-describedby={targetError ? `${id}-target-error` : undefined}
            {...register('target', { onChange: changed })}
          />
        </FormField>
        <FormField
          id={`${id}-duration`}
          label={
            <>
              Duration (seconds)
              {Number.isInteger(seconds) && seconds >= CHALLENGE_DURATION_MIN_SECONDS && seconds <= CHALLENGE_DURATION_MAX_SECONDS && (
                <span className="param-field__hint">{formatDuration(seconds)}</span>
              )}
            </>
          }
          error={durationError}
          errorTestId="challenge-error"
        >
          <input
            id={`${id}-duration`}
            className="input"
            data-testid="challenge-duration"
            type="number"
            inputMode="numeric"
            min={CHALLENGE_DURATION_MIN_SECONDS}
            max={CHALLENGE_DURATION_MAX_SECONDS}
            step={1}
            aria-invalid={durationError ? true : undefined}
            aria-describedby={durationError ? `${id}-duration-error` : undefined}
            {...register('durationSeconds', { onChange: changed })}
          />
        </FormField>
        <FormField id={`${id}-reward`} label="Reward when it completes" error={rewardError ?? specsError ?? undefined} errorTestId="challenge-error">
          <select
            id={`${id}-reward`}
            className="input select"
            data-testid="challenge-reward"
            value={draft.rewardAction}
            disabled={!specs}
            aria-invalid={rewardError ? true : undefined}
            onChange={(e) => edit(withReward(draft, e.target.value, specs ?? []))}
          >
            <option value="">No reward</option>
            {(specs ?? []).map((s) => (
              <option key={s.action} value={s.action}>
                {actionLabel(s.action)}
              </option>
            ))}
          </select>
        </FormField>
      </div>

      {spec && (
        <div className="challenge-form__reward">
          <p className="muted">{spec.description ?? ACTION_HELP[spec.action]}</p>
          {spec.params.length > 0 && (
            <div className="command-row__params">
              {spec.params.map((param) => (
                <ParamField
                  key={param.name}
                  param={param}
                  suggested={spec.defaults?.[param.name]}
                  value={draft.rewardParams[param.name] ?? (param.type === 'string[]' ? [] : '')}
                  error={errorAt(errors, rewardParamKey(param.name))}
                  onChange={(value) => edit({ ...draft, rewardParams: { ...draft.rewardParams, [param.name]: value } })}
                  testIdPrefix="challenge-reward"
                  errorTestId="challenge-error"
                />
              ))}
            </div>
          )}
        </div>
      )}

      <div className="host-card__foot">
        {failure ? (
          <p className="field-error" data-testid="challenge-error" role="alert">
            {failure}
          </p>
        ) : (
          <span className="muted">Progress counts from the moment it starts.</span>
        )}
        <button className="button button--primary" type="submit" data-testid="challenge-submit" disabled={busy || !stream}>
          {busy ? 'Starting…' : 'Start challenge'}
        </button>
      </div>
    </form>
  );
}
