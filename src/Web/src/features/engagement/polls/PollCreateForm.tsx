import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { POLL_OPTION_MAX, POLL_OPTIONS_MAX, POLL_QUESTION_MAX, type Poll, type Stream } from '../../../api/contract';
import { useLive } from '../../../app/liveContext';
import { FieldError } from '../../../components/FieldError';
import { FormField } from '../../../components/FormField';
import { useSubmit } from '../../../lib/useSubmit';
import { pollFailure } from './pollErrors';
import {
  addOption,
  canAddOption,
  canRemoveOption,
  emptyDraft,
  POLL_DURATIONS,
  pollDraftSchema,
  removeOption,
  type PollDraft,
  type PollRequest,
} from './pollForm';

interface PollCreateFormProps {
  stream: Stream | null;
  /** The stream's poll: while one is open, another cannot start. */
  poll: Poll | null;
  onCreated(poll: Poll): void;
}

/** The host's "Start a poll": a question, 2–6 options, a duration; `poll:create` on the hub. */
export function PollCreateForm({ stream, poll, onCreated }: PollCreateFormProps) {
  const live = useLive();
  const id = useId();
  const form = useForm<PollDraft, unknown, PollRequest>({
    resolver: zodResolver(pollDraftSchema),
    defaultValues: emptyDraft,
  });
  const { register, handleSubmit, setValue, reset, formState, control } = form;
  const draft = useWatch({ control }) as PollDraft;
  const errors = formState.errors;
  const [failure, setFailure] = useState<string | null>(null);
  const { busy, run } = useSubmit();

  const open = poll !== null && !poll.closed;

  function setOptions(next: PollDraft) {
    setValue('options', next.options, { shouldValidate: formState.isSubmitted });
    setFailure(null);
  }

  const submit = handleSubmit(async (request) => {
    if (!stream || busy) {
      return;
    }
    setFailure(null);
    await run(
      async () => {
        const created = await live.createPoll({ streamId: stream.id, ...request });
        onCreated(created);
        reset({ ...emptyDraft, durationSeconds: request.durationSeconds });
      },
      (caught) => setFailure(pollFailure(caught, 'create').message),
    );
  });
  const optionError = (i: number) => errors.options?.[i]?.message ?? (i === 0 ? (errors.options?.root?.message ?? errors.options?.message) : undefined);

  if (open) {
    return (
      <section className="poll-create poll-create--waiting" aria-label="Start a poll">
        <h2 className="poll-create__title">Start a poll</h2>
        <p className="muted">A poll is running (beside the chat). Close it, or let it end, to start another.</p>
      </section>
    );
  }

  return (
    <form className="poll-create" data-testid="poll-create-form" onSubmit={submit} noValidate aria-label="Start a poll">
      <h2 className="poll-create__title">Start a poll</h2>
      <FormField id={`${id}-question`} label="Question" error={errors.question?.message}>
        <input
          id={`${id}-question`}
          className="input"
          data-testid="poll-create-question"
          placeholder="Which map next?"
          maxLength={POLL_QUESTION_MAX}
          {...register('question', { onChange: () => setFailure(null) })}
          aria-invalid={errors.question ? true : undefined}
          aria-describedby={errors.question ? `${id}-question-error` : undefined}
        />
      </FormField>

      <fieldset className="poll-create__options">
        <legend className="field__label">Options</legend>
        <ol>
          {draft.options.map((_, i) => {
            const message = optionError(i);
            return (
              <li key={i} className="poll-create__option">
                <span className="poll-create__number" aria-hidden="true">
                  {i + 1}
                </span>
                <input
                  className="input"
                  data-testid="poll-create-option"
                  aria-label={`Option ${i + 1}`}
                  placeholder={`Option ${i + 1}`}
                  maxLength={POLL_OPTION_MAX}
                  {...register(`options.${i}`, { onChange: () => setFailure(null) })}
                  aria-invalid={message ? true : undefined}
                  aria-describedby={message ? `${id}-option-${i}-error` : undefined}
                />
                <button
                  type="button"
                  className="button button--ghost poll-create__remove"
                  data-testid="poll-remove-option"
                  aria-label={`Remove option ${i + 1}`}
                  disabled={!canRemoveOption(draft)}
                  onClick={() => setOptions(removeOption(draft, i))}
                >
                  ×
                </button>
                <FieldError id={`${id}-option-${i}-error`} message={message} />
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="button button--ghost poll-create__add"
          data-testid="poll-add-option"
          disabled={!canAddOption(draft)}
          onClick={() => setOptions(addOption(draft))}
        >
          + Add option{!canAddOption(draft) && ` (${POLL_OPTIONS_MAX} at most)`}
        </button>
      </fieldset>

      <div className="poll-create__foot">
        <FormField id={`${id}-duration`} label="Runs for">
          <select
            id={`${id}-duration`}
            className="input select"
            data-testid="poll-create-duration"
            {...register('durationSeconds', { valueAsNumber: true })}
          >
            {POLL_DURATIONS.map((d) => (
              <option key={d.seconds} value={d.seconds}>
                {d.label}
              </option>
            ))}
          </select>
        </FormField>
        <button className="button button--primary" type="submit" data-testid="poll-create-submit" disabled={busy || !stream}>
          {busy ? 'Starting…' : 'Start poll'}
        </button>
      </div>

      {failure && (
        <p className="field-error poll-create__error" data-testid="poll-error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
