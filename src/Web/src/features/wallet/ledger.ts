// The wallet page's ledger, page by page (`GET /api/me/wallet?limit=&before=`), newest first. Pure.

import type { LedgerAccount, LedgerEntry, LedgerKind, WalletPage } from '../../api/contract';

export const PAGE_SIZE = 50;

export interface LedgerView {
  balance: number;
  earnings: number;
  /** Newest first, each entry once. */
  entries: LedgerEntry[];
  /** `before` for the next (older) page, or null when there is none. */
  nextBefore: number | null;
}

/** The view of a first page. */
export function firstPage(page: WalletPage): LedgerView {
  return appendPage({ balance: page.balance, earnings: page.earnings, entries: [], nextBefore: null }, page, null);
}

/**
 * Adds an older page. Entries already shown are not shown twice (whether `before` is inclusive does not
 * matter), and a page that brings nothing new ends the paging rather than asking for it forever.
 */
export function appendPage(view: LedgerView, page: WalletPage, requestedBefore: number | null): LedgerView {
  const seen = new Set(view.entries.map((e) => e.no));
  const fresh = (page.entries ?? []).filter((e) => !seen.has(e.no));
  const entries = [...view.entries, ...fresh].sort((a, b) => b.no - a.no);
  const next = typeof page.nextBefore === 'number' && Number.isFinite(page.nextBefore) ? page.nextBefore : null;
  const stuck = next !== null && (next === requestedBefore || (requestedBefore !== null && fresh.length === 0));
  return {
    // The newest answer knows the newest balance.
    balance: page.balance,
    earnings: page.earnings,
    entries,
    nextBefore: stuck ? null : next,
  };
}

export const KIND_LABELS: Record<LedgerKind, string> = {
  grant: 'Starter grant',
  purchase: 'Purchase',
  'gift-debit': 'Gift sent',
  earning: 'Gift earnings',
  'platform-share': 'Platform share',
  refund: 'Refund',
  adjustment: 'Adjustment',
  'purchase-bonus': 'Purchase bonus',
  'purchase-reversal': 'Refunded purchase',
  'payout-debit': 'Payout',
  'payout-return': 'Payout returned',
};

export const ACCOUNT_LABELS: Record<LedgerAccount, string> = {
  spendable: 'Wallet',
  earnings: 'Earnings',
  platform: 'Platform',
};

export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export function accountLabel(account: string): string {
  return (ACCOUNT_LABELS as Record<string, string>)[account] ?? account;
}

const grouped = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** `+200`, `−200` (a real minus sign), `0`. */
export function signedAmount(amount: number): string {
  if (amount > 0) {
    return `+${grouped.format(amount)}`;
  }
  if (amount < 0) {
    return `\u2212${grouped.format(-amount)}`;
  }
  return '0';
}
