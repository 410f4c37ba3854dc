import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PayoutView } from '../../api/contract';
import { queryErrorMessage, queryKeys } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { useSession } from '../auth/sessionContext';
import { PayoutTable } from '../payouts/PayoutsPage';
import { AdminNav, AdminOnly } from './AdminNav';

/** `/admin/payouts`: payouts waiting for a decision (oldest first), approve (Stripe transfer) or reject with a reason. */
export function PayoutQueuePage() {
  const { session, api } = useSession();
  const client = useQueryClient();
  const queue = useQuery({ queryKey: queryKeys.payoutQueue, queryFn: ({ signal }) => api.getPayoutQueue(signal), enabled: session?.user.role === 'admin' });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) => api.decidePayout(id, decision, reasons[id]),
    onSettled: () => void client.invalidateQueries({ queryKey: queryKeys.payoutQueue }),
  });
  if (session?.user.role !== 'admin') {
    return <AdminOnly />;
  }

  const actions = (p: PayoutView) =>
    p.status === 'requested' ? (
      <div className="money-actions">
        <button type="button" className="button button--primary" disabled={decide.isPending} onClick={() => decide.mutate({ id: p.id, decision: 'approve' })}>
          Approve
        </button>
        <input
          className="input"
          aria-label={`Reason to reject ${p.creatorHandle}'s payout`}
          placeholder="Reason"
          value={reasons[p.id] ?? ''}
          onChange={(e) => setReasons({ ...reasons, [p.id]: e.target.value })}
        />
        <button type="button" className="button" disabled={decide.isPending || !(reasons[p.id] ?? '').trim()} onClick={() => decide.mutate({ id: p.id, decision: 'reject' })}>
          Reject
        </button>
      </div>
    ) : (
      (p.decidedBy ?? '')
    );

  return (
    <div className="page" data-testid="admin-payouts-page">
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Payouts</h1>
          <p className="page-head__lead">Approving makes the Stripe Connect transfer; rejecting returns the amount to the creator&rsquo;s earnings. Each step is in the audit log.</p>
        </div>
      </header>
      <AdminNav />
      {queue.error && <LoadError message={queryErrorMessage(queue.error, 'Could not load the payouts.') ?? ''} onRetry={() => void queue.refetch()} />}
      {decide.error && (
        <p className="form-error" role="alert">
          {queryErrorMessage(decide.error, 'The decision was not taken.')}
        </p>
      )}
      {queue.data && <PayoutTable payouts={queue.data} actions={actions} />}
    </div>
  );
}
