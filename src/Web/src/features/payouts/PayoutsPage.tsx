import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { PayoutView } from '../../api/contract';
import { queryErrorMessage, queryKeys } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { TokenAmount } from '../../components/TokenAmount';
import { saveBlob } from '../analytics/saveBlob';
import { useSession } from '../auth/sessionContext';
import { currentMonth, formatMoney } from '../store/money';
import { payoutSchema, type PayoutDraft } from './payoutForm';
import '../store/store.css';

/** `/earnings`: a creator's earnings (withdrawable, held, in flight, paid out), payout requests and the monthly statement. */
export function PayoutsPage() {
  const { api, session } = useSession();
  const userId = session?.user.id ?? null;
  const payouts = useQuery({ queryKey: queryKeys.payouts(userId), queryFn: ({ signal }) => api.getMyPayouts(signal), enabled: userId !== null });
  const data = payouts.data;

  return (
    <div className="page" data-testid="payouts-page">
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Earnings</h1>
          <p className="page-head__lead">What viewers&rsquo; gifts earned you, and paying it out.</p>
        </div>
      </header>
      {payouts.error && <LoadError message={queryErrorMessage(payouts.error, 'Could not load your earnings.') ?? ''} onRetry={() => void payouts.refetch()} />}
      {data && (
        <>
          <div className="money-stats">
            <Stat label="Withdrawable" value={data.balance.withdrawable} testId="payouts-withdrawable" />
            <Stat label={`Held (${data.holdDays} days)`} value={data.balance.held} testId="payouts-held" />
            <Stat label="In flight" value={data.balance.inFlight} testId="payouts-in-flight" />
            <Stat label="Paid out" value={data.balance.paidOut} testId="payouts-paid-out" />
          </div>
          {data.verified ? (
            <PayoutForm minimum={data.minimumTokens} withdrawable={data.balance.withdrawable} centsPerHundred={data.centsPerHundredTokens} currency={data.currency} />
          ) : (
            <p className="notice" role="status">
              Payouts are for verified creators: an admin verifies your account and links your Stripe account.
            </p>
          )}
          <section className="card">
            <h2 className="card__title">Payouts</h2>
            <PayoutTable payouts={data.payouts} />
          </section>
        </>
      )}
      <StatementCard />
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <section className="wallet-stat">
      <h2 className="wallet-stat__label">{label}</h2>
      <TokenAmount value={value} testId={testId} className="wallet-stat__value" />
    </section>
  );
}

function PayoutForm({ minimum, withdrawable, centsPerHundred, currency }: { minimum: number; withdrawable: number; centsPerHundred: number; currency: string }) {
  const { api, session } = useSession();
  const client = useQueryClient();
  // One key per payout the user means: a double click or a retry sends the same one, and the server makes one payout.
  const [key, setKey] = useState(() => crypto.randomUUID().replaceAll('-', ''));
  const schema = useMemo(() => payoutSchema(minimum, withdrawable), [minimum, withdrawable]);
  const form = useForm<PayoutDraft, unknown, { amount: number }>({ resolver: zodResolver(schema), defaultValues: { amount: '' } });
  const request = useMutation({
    mutationFn: (amount: number) => api.requestPayout(amount, key),
    onSuccess: () => {
      setKey(crypto.randomUUID().replaceAll('-', ''));
      form.reset();
      void client.invalidateQueries({ queryKey: queryKeys.payouts(session?.user.id ?? null) });
    },
  });
  const amount = Number(useWatch({ control: form.control, name: 'amount' })) || 0;
  return (
    <form className="card" onSubmit={(e) => void form.handleSubmit((v) => request.mutate(v.amount))(e)} noValidate>
      <h2 className="card__title">Request a payout</h2>
      <label className="field">
        <span className="field__label">Tokens (at least {minimum})</span>
        <input className="input" inputMode="numeric" data-testid="payout-amount" {...form.register('amount')} />
      </label>
      <p className="field__hint">{formatMoney(Math.floor((amount * centsPerHundred) / 100), currency)} to your Stripe account once an admin approves.</p>
      {form.formState.errors.amount && (
        <p className="form-error" role="alert">
          {form.formState.errors.amount.message}
        </p>
      )}
      {request.error && (
        <p className="form-error" role="alert">
          {queryErrorMessage(request.error, 'The payout was not requested.')}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={request.isPending} data-testid="payout-submit">
        {request.isPending ? 'Requesting…' : 'Request payout'}
      </button>
    </form>
  );
}

/** Payouts, newest first; shared with the admin queue (which adds the creator and the decisions). */
export function PayoutTable({ payouts, actions }: { payouts: readonly PayoutView[]; actions?: (payout: PayoutView) => React.ReactNode }) {
  if (payouts.length === 0) {
    return <p className="empty empty--small">No payouts yet.</p>;
  }
  return (
    <table className="money-table">
      <thead>
        <tr>
          <th scope="col">Requested</th>
          {actions && <th scope="col">Creator</th>}
          <th scope="col">Tokens</th>
          <th scope="col">Amount</th>
          <th scope="col">Status</th>
          {actions && <th scope="col">Decision</th>}
        </tr>
      </thead>
      <tbody>
        {payouts.map((p) => (
          <tr key={p.id} data-testid="payout-row" data-status={p.status}>
            <td>{new Date(p.requestedAt).toLocaleString()}</td>
            {actions && <td>{p.creatorHandle}</td>}
            <td className="money-table__number">{p.amount.toLocaleString()}</td>
            <td className="money-table__number">{formatMoney(p.amountCents, p.currency)}</td>
            <td title={p.reason ?? undefined}>
              {p.status}
              {p.reason ? ` — ${p.reason}` : ''}
            </td>
            {actions && <td>{actions(p)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StatementCard() {
  const { api, session } = useSession();
  const [month, setMonth] = useState(currentMonth);
  const statement = useQuery({
    queryKey: queryKeys.statement(session?.user.id ?? null, month),
    queryFn: ({ signal }) => api.getStatement(month, signal),
    enabled: session !== null && /^\d{4}-\d{2}$/.test(month),
  });
  const csv = useMutation({ mutationFn: () => api.getStatementCsv(month), onSuccess: (blob) => saveBlob(blob, `statement-${month}.csv`) });
  const t = statement.data?.totals;
  return (
    <section className="card" data-testid="statement">
      <h2 className="card__title">Statement</h2>
      <div className="money-actions">
        <label className="field">
          <span className="field__label">Month</span>
          <input className="input" type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </label>
        <button type="button" className="button" onClick={() => csv.mutate()} disabled={csv.isPending}>
          Download CSV
        </button>
      </div>
      {t && (
        <p data-testid="statement-totals">
          Gifts {t.giftsGross.toLocaleString()} tokens, platform share {t.platformShare.toLocaleString()}, earned {t.earned.toLocaleString()}, paid
          out {t.paidOut.toLocaleString()}, purchased {t.purchased.toLocaleString()}.
        </p>
      )}
      {statement.data && statement.data.lines.length > 0 && (
        <table className="money-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Kind</th>
              <th scope="col">Description</th>
              <th scope="col">Platform share</th>
              <th scope="col">Tokens</th>
            </tr>
          </thead>
          <tbody>
            {statement.data.lines.map((l, i) => (
              <tr key={`${l.at}-${i}`}>
                <td>{new Date(l.at).toLocaleString()}</td>
                <td>{l.kind}</td>
                <td>{l.description}</td>
                <td className="money-table__number">{l.platformShare || ''}</td>
                <td className="money-table__number">{l.tokens.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
