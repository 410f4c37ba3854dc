import type { StreamStatus } from '../../api/contract';

/** The stream's status as a pill; its text is the status itself (`live`, `ended`, …). */
export function StatusBadge({ status, testId }: { status: StreamStatus; testId?: string }) {
  return (
    <span className={`status status--${status}`} data-testid={testId}>
      {status}
    </span>
  );
}
