import { describe, expect, it } from 'vitest';
import type { LedgerEntry, WalletPage } from '../../api/contract';
import { appendPage, firstPage, kindLabel, signedAmount } from './ledger';

function entry(no: number, amount = -10): LedgerEntry {
  return {
    no,
    kind: 'gift-debit',
    amount,
    account: 'spendable',
    counterparty: 'u_creator',
    idempotencyKey: `k-${no}`,
    reference: `u_a:${no}`,
    at: '2026-11-24T12:00:00+00:00',
    balanceAfter: 0,
    streamId: null,
    giftCode: null,
    count: 0,
  };
}

function page(nos: number[], nextBefore: number | null, balance = 700): WalletPage {
  return { balance, earnings: 0, ledger: 'spendable', entries: nos.map((no) => entry(no)), nextBefore };
}

describe('the ledger, page by page', () => {
  it('starts from the first page', () => {
    const view = firstPage(page([5, 4, 3], 2));
    expect(view.entries.map((e) => e.no)).toEqual([5, 4, 3]);
    expect(view.nextBefore).toBe(2);
  });

  it('appends older pages newest first, each entry once, whichever way `before` counts', () => {
    let view = firstPage(page([5, 4, 3], 3)); // a `before` that includes the last entry shown
    view = appendPage(view, page([3, 2, 1], null, 690), 3);
    expect(view.entries.map((e) => e.no)).toEqual([5, 4, 3, 2, 1]);
    expect(view.nextBefore).toBeNull();
    expect(view.balance).toBe(690);
  });

  it('ends when there is no nextBefore', () => {
    expect(firstPage(page([1], null)).nextBefore).toBeNull();
    expect(firstPage(page([], null)).nextBefore).toBeNull();
  });

  it('ends rather than loop when a page brings nothing new or the same cursor', () => {
    const view = firstPage(page([5, 4], 4));
    expect(appendPage(view, page([4], 4), 4).nextBefore).toBeNull();
    expect(appendPage(view, page([], 2), 4).nextBefore).toBeNull();
  });

  it('signs amounts and names kinds', () => {
    expect(signedAmount(200)).toBe('+200');
    expect(signedAmount(-200)).toBe('\u2212200');
    expect(signedAmount(0)).toBe('0');
    expect(kindLabel('gift-debit')).toBe('Gift sent');
    expect(kindLabel('something-new')).toBe('something-new');
  });
});
