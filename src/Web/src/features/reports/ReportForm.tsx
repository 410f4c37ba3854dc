import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { REPORT_TEXT_MAX, type Report, type ReportRequest } from '../../api/contract';
import { ApiError } from '../../api/errors';
import { FormField } from '../../components/FormField';
import { errorMessage, useSubmit } from '../../lib/useSubmit';
import { useSession } from '../auth/sessionContext';
import { reportDraftSchema, type ReportDraft } from './reportForm';
import './reports.css';

/** What is reported: a chat line of a stream, or a user. */
export type ReportTarget = { kind: 'message'; streamId: string; messageId: string; handle: string } | { kind: 'user'; userId: string; handle: string };

interface ReportFormProps {
  target: ReportTarget;
  /** Closes the form (Cancel, or Close after the confirmation). */
  onClose(): void;
}

function requestOf(target: ReportTarget, reason: string): ReportRequest {
  return target.kind === 'message'
    ? { streamId: target.streamId, messageId: target.messageId, userId: null, reason }
    : { streamId: null, messageId: null, userId: target.userId, reason };
}

/** "Report": why (1–500 characters), sent as `POST /api/reports`; the moderators and admins see it in their queues. */
export function ReportForm({ target, onClose }: ReportFormProps) {
  const { api } = useSession();
  const id = useId();
  const { register, handleSubmit, formState } = useForm<ReportDraft, unknown, ReportDraft>({
    resolver: zodResolver(reportDraftSchema),
    defaultValues: { reason: '' },
  });
  const [failure, setFailure] = useState<ApiError | Error | null>(null);
  const [sent, setSent] = useState<Report | null>(null);
  const { busy, run } = useSubmit();
  const what = target.kind === 'message' ? `${target.handle}'s message` : target.handle;

  const submit = handleSubmit(async ({ reason }) => {
    setFailure(null);
    await run(
      async () => setSent(await api.report(requestOf(target, reason))),
      (caught) => setFailure(caught instanceof Error ? caught : new Error(errorMessage(caught))),
    );
  });

  if (sent) {
    return (
      <div className="report-form card" data-testid="report-done" role="status">
        <p>Thanks: your report of {what} was sent to the moderators.</p>
        <button className="button button--ghost" type="button" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }

  const serverReason = failure instanceof ApiError ? failure.field('reason') : undefined;
  const reasonError = formState.errors.reason?.message ?? serverReason;
  return (
    <form className="report-form card" data-testid="report-form" aria-label={`Report ${what}`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 className="report-form__title">Report {what}</h3>
      <FormField id={`${id}-reason`} label="Why? (the moderators read this)" error={reasonError} errorTestId="report-reason-error">
        <textarea
          id={`${id}-reason`}
          className="input"
          data-testid="report-reason"
          rows={3}
          maxLength={REPORT_TEXT_MAX}
          {...register('reason', { onChange: () => setFailure(null) })}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${id}-reason-error` : undefined}
        />
      </FormField>
      {failure && !serverReason && (
        <p className="form-error" role="alert" data-testid="report-error">
          {failure.message}
        </p>
      )}
      <div className="report-form__actions">
        <button className="button button--primary" type="submit" data-testid="report-submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send report'}
        </button>
        <button className="button button--ghost" type="button" data-testid="report-cancel" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
