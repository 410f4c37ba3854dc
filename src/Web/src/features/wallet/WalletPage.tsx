import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Gift, LedgerEntry, LedgerName } from '../../api/contract';
import { queryKeys } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { TokenAmount } from '../../components/TokenAmount';
import { timeAgo } from '../../lib/format';
import { SignInForm } from '../auth/SignInForm';
import { useSession } from '../auth/sessionContext';
import { canCreate } from '../auth/sessionStorage';
import { giftEmoji } from '../gifts/giftArt';
import { useGiftCatalog } from '../gifts/useGiftCatalog';
import { accountLabel, appendPage, firstPage, kindLabel, PAGE_SIZE, signedAmount, type LedgerView } from './ledger';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function when(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '' : dateTime.format(at);
}

/** `u_4f0c2a9e…` ids are long; show their start and end. */
function shortId(id: string): string {
  return id.length > 16 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id;
}

const KIND_ICONS: Record<string, string> = {
  grant: '🎁',
  purchase: '💳',
  'gift-debit': '💝',
  earning: '✨',
  'platform-share': '🏛️',
  refund: '↩️',
  adjustment: '⚖️',
  'purchase-bonus': '🎉',
  'purchase-reversal': '↩️',
  'payout-debit': '🏦',
  'payout-return': '↩️',
};

/** `/wallet`: balance, earnings (creators) and the ledger, newest first, page by page. */
export function WalletPage() {
  const { session } = useSession();
  return (
    <div className="page page--narrow" data-testid="wallet-page">
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Wallet</h1>
          <p className="page-head__lead">Your tokens, what you earned from gifts, and every movement of both.</p>
        </div>
      </header>
      {session ? (
        <Wallet key={session.user.id} showEarnings={canCreate(session)} />
      ) : (
        <section className="card gate">
          <h2>Sign in to see your wallet</h2>
          <p>Every new account starts with a grant of tokens to send gifts with.</p>
          <SignInForm layout="stacked" />
        </section>
      )}
    </div>
  );
}

const LEDGERS: { name: LedgerName; label: string }[] = [
  { name: 'spendable', label: 'Wallet' },
  { name: 'earnings', label: 'Earnings' },
];

function Wallet({ showEarnings }: { showEarnings: boolean }) {
  const { api, session } = useSession();
  const userId = session?.user.id ?? null;
  const catalog = useGiftCatalog();
  const [ledger, setLedger] = useState<LedgerName>('spendable');
  // Pages of one ledger, newest first; "Load more" asks for the page before the last one's `nextBefore`.
  const query = useInfiniteQuery({
    queryKey: queryKeys.wallet(userId, ledger),
    queryFn: ({ pageParam, signal }) => api.getWallet({ limit: PAGE_SIZE, ledger, before: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    staleTime: 0,
  });
  const pages = query.data?.pages ?? [];
  const view: LedgerView | null = pages.reduce<LedgerView | null>(
    (current, page, i) => (current ? appendPage(current, page, query.data?.pageParams[i] as number) : firstPage(page)),
    null,
  );
  /** Balance and earnings of the newest answer, kept while another ledger loads. */
  const newest = pages.at(-1);
  const [summary, setSummary] = useState<{ balance: number; earnings: number } | null>(null);
  if (newest && (summary?.balance !== newest.balance || summary.earnings !== newest.earnings)) {
    setSummary({ balance: newest.balance, earnings: newest.earnings });
  }
  const error = query.error ? (query.error instanceof Error ? query.error.message : 'Could not load your wallet.') : null;
  const loadingMore = query.isFetchingNextPage;
  const load = () => query.refetch();
  const loadMore = () => query.fetchNextPage();

  const earnings = showEarnings || (summary?.earnings ?? 0) > 0;

  return (
    <>
      <div className={`wallet-summary${earnings ? '' : ' wallet-summary--single'}`}>
        <section className="wallet-stat wallet-stat--balance">
          <h2 className="wallet-stat__label">Balance</h2>
          <TokenAmount value={summary?.balance ?? null} testId="wallet-balance" className="wallet-stat__value" />
          <p className="wallet-stat__note">Spendable on gifts.</p>
        </section>
        {earnings && (
          <section className="wallet-stat wallet-stat--earnings">
            <h2 className="wallet-stat__label">Earnings</h2>
            <TokenAmount value={summary?.earnings ?? null} testId="wallet-earnings" className="wallet-stat__value" />
            <p className="wallet-stat__note">From viewers&rsquo; gifts, after the platform&rsquo;s share. Kept apart: not spendable.</p>
          </section>
        )}
      </div>

      <section className="card ledger-card">
        <header className="ledger-card__head">
          <h2 className="card__title">Activity</h2>
          {earnings && (
            <div className="segmented" role="tablist" aria-label="Ledger">
              {LEDGERS.map((l) => (
                <button
                  key={l.name}
                  type="button"
                  role="tab"
                  aria-selected={ledger === l.name}
                  className={`segmented__option${ledger === l.name ? ' segmented__option--on' : ''}`}
                  data-testid={`wallet-ledger-${l.name}`}
                  onClick={() => {
                    if (l.name !== ledger) {
                      setLedger(l.name);
                    }
                  }}
                >
                  {l.label}
                </button>
              ))}
            </div>
          )}
          <button className="button button--ghost ledger-card__refresh" type="button" onClick={() => void load()}>
            Refresh
          </button>
        </header>

        {error && <LoadError message={error} onRetry={() => void (view ? loadMore() : load())} />}

        {view === null && !error && <div className="skeleton skeleton--row" aria-label="Loading your wallet" />}
        {view !== null && view.entries.length === 0 && (
          <div className="empty empty--small">
            <h3>Nothing here yet</h3>
            <p>Grants, gifts you send and gifts you receive show up here.</p>
          </div>
        )}
        {view !== null && view.entries.length > 0 && (
          <ol className="ledger">
            {view.entries.map((entry) => (
              <LedgerRow key={entry.no} entry={entry} gifts={catalog.gifts} />
            ))}
          </ol>
        )}

        {view !== null && view.nextBefore !== null && (
          <div className="ledger-card__more">
            <button className="button" type="button" onClick={() => void loadMore()} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'Load more'}
            </button>
          </div>
        )}
      </section>
    </>
  );
}

function LedgerRow({ entry, gifts }: { entry: LedgerEntry; gifts: readonly Gift[] | null }) {
  const sign = entry.amount > 0 ? 'in' : entry.amount < 0 ? 'out' : 'zero';
  const gift = entry.giftCode ? (gifts?.find((g) => g.code === entry.giftCode) ?? null) : null;
  return (
    <li className={`ledger-entry ledger-entry--${sign}`} data-testid="wallet-entry" data-entry-no={entry.no} data-kind={entry.kind}>
      <span className="ledger-entry__icon" aria-hidden="true">
        {KIND_ICONS[entry.kind] ?? '•'}
      </span>
      <div className="ledger-entry__main">
        <p className="ledger-entry__kind">
          {kindLabel(entry.kind)} <span className={`account-tag account-tag--${entry.account}`}>{accountLabel(entry.account)}</span>
          {entry.giftCode && (
            <span className="ledger-entry__gift">
              {entry.count && entry.count > 1 ? `${entry.count} × ` : ''}
              {gift ? `${giftEmoji(gift)} ${gift.name}` : entry.giftCode}
            </span>
          )}
        </p>
        <p className="ledger-entry__meta">
          {entry.counterparty && (
            <span title={entry.counterparty}>
              {entry.amount < 0 ? 'to' : 'from'} <code>{shortId(entry.counterparty)}</code>
            </span>
          )}
          <time dateTime={entry.at} title={when(entry.at)}>
            {timeAgo(entry.at)}
          </time>
          <span className="ledger-entry__ref" title={entry.reference ? `Reference ${entry.reference}` : undefined}>
            #{entry.no}
          </span>
        </p>
      </div>
      <span className="ledger-entry__amount" data-testid="wallet-entry-amount">
        {signedAmount(entry.amount)}
      </span>
    </li>
  );
}
