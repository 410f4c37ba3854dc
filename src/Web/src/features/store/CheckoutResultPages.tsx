import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { queryErrorMessage, queryKeys } from '../../api/queries';
import { TokenAmount } from '../../components/TokenAmount';
import { useSession } from '../auth/sessionContext';
import { useWalletBalance } from '../wallet/useWalletBalance';
import { packTotal } from './money';
import './store.css';

/**
 * `/store/success?session_id=…`: back from Checkout. The purchase is credited when Stripe's webhook arrives, which
 * may be a moment after the redirect: the page asks until it is paid, and the balance moves live (`wallet:changed`).
 */
export function CheckoutSuccessPage() {
  const { api, session } = useSession();
  const [params] = useSearchParams();
  const sessionId = params.get('session_id') ?? '';
  const wallet = useWalletBalance();
  const purchase = useQuery({
    queryKey: queryKeys.purchase(sessionId),
    queryFn: ({ signal }) => api.getPurchase(sessionId, signal),
    enabled: session !== null && sessionId !== '',
    refetchInterval: (query) => (query.state.data?.status === 'open' ? 1000 : false),
  });
  const paid = purchase.data && purchase.data.status !== 'open' && purchase.data.status !== 'expired';

  return (
    <div className="page page--narrow" data-testid="checkout-success-page">
      <header className="page-head">
        <div>
          <h1 className="page-head__title">{paid ? 'Thank you!' : 'Confirming your payment…'}</h1>
          <p className="page-head__lead" role="status" data-testid="checkout-status">
            {purchase.error
              ? queryErrorMessage(purchase.error, 'Could not find this purchase.')
              : paid
                ? `${packTotal(purchase.data).toLocaleString()} tokens were added to your wallet.`
                : 'Stripe is telling us about your payment; your tokens arrive in a moment.'}
          </p>
        </div>
      </header>
      <section className="card wallet-stat wallet-stat--balance">
        <h2 className="wallet-stat__label">Balance</h2>
        <TokenAmount value={wallet.balance} testId="checkout-balance" className="wallet-stat__value" />
      </section>
      <p className="money-actions">
        <Link className="button" to="/">
          Watch streams
        </Link>
        <Link className="button button--ghost" to="/wallet">
          Wallet
        </Link>
      </p>
    </div>
  );
}

/** `/store/cancel`: the buyer left Checkout without paying; nothing was charged. */
export function CheckoutCancelPage() {
  return (
    <div className="page page--narrow" data-testid="checkout-cancel-page">
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Checkout cancelled</h1>
          <p className="page-head__lead">Nothing was charged. Your tokens are where they were.</p>
        </div>
      </header>
      <p className="money-actions">
        <Link className="button button--primary" to="/store">
          Back to the store
        </Link>
      </p>
    </div>
  );
}
