import { useMutation, useQuery } from '@tanstack/react-query';
import { queryErrorMessage, queryKeys } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { TokenAmount } from '../../components/TokenAmount';
import { SignInForm } from '../auth/SignInForm';
import { useSession } from '../auth/sessionContext';
import { useWalletBalance } from '../wallet/useWalletBalance';
import { formatMoney, packTotal } from './money';
import './store.css';

/** `/store`: token packs; Buy sends the browser to Stripe Checkout, which comes back to /store/success or /store/cancel. */
export function StorePage() {
  const { api, session } = useSession();
  const wallet = useWalletBalance();
  const store = useQuery({ queryKey: queryKeys.store, queryFn: ({ signal }) => api.getStore(signal) });
  const buy = useMutation({
    mutationFn: (packId: string) => api.checkout(packId),
    onSuccess: (checkout) => window.location.assign(checkout.url),
  });

  return (
    <div className="page" data-testid="store-page">
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Store</h1>
          <p className="page-head__lead">Tokens to send gifts with. Larger packs come with bonus tokens.</p>
        </div>
        {session && (
          <div className="wallet-stat">
            <h2 className="wallet-stat__label">Balance</h2>
            <TokenAmount value={wallet.balance} testId="store-balance" className="wallet-stat__value" />
          </div>
        )}
      </header>

      {store.error && <LoadError message={queryErrorMessage(store.error, 'Could not load the store.') ?? ''} onRetry={() => void store.refetch()} />}
      {store.data && !store.data.configured && (
        <p className="notice" role="status" data-testid="store-not-configured">
          Purchases are not configured here yet.
        </p>
      )}
      {buy.error && (
        <p className="form-error" role="alert">
          {queryErrorMessage(buy.error, 'Could not open checkout.')}
        </p>
      )}
      {!session && (
        <section className="card gate">
          <h2>Sign in to buy tokens</h2>
          <SignInForm layout="stacked" />
        </section>
      )}
      {store.data && (
        <ul className="store-packs" aria-label="Token packs">
          {store.data.packs.map((pack) => (
            <li key={pack.id} className="card store-pack" data-testid={`store-pack-${pack.id}`}>
              <h2 className="card__title">{pack.name}</h2>
              <p className="store-pack__tokens">{packTotal(pack).toLocaleString()} tokens</p>
              {pack.bonusTokens > 0 && <p className="store-pack__bonus">includes {pack.bonusTokens.toLocaleString()} bonus</p>}
              <p className="store-pack__price">{formatMoney(pack.priceCents, pack.currency)}</p>
              <button
                type="button"
                className="button button--primary"
                disabled={!session || !store.data.configured || buy.isPending}
                onClick={() => buy.mutate(pack.id)}
              >
                {buy.isPending && buy.variables === pack.id ? 'Opening checkout…' : `Buy ${pack.name}`}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
