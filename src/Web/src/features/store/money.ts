import type { TokenPack } from '../../api/contract';

/** An amount in a currency's smallest unit, as the user reads it ("$9.99"). */
export function formatMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

/** Tokens a pack credits in all: its tokens and its bonus. */
export function packTotal(pack: Pick<TokenPack, 'tokens' | 'bonusTokens'>): number {
  return pack.tokens + pack.bonusTokens;
}

/** The current month as the statement takes it (YYYY-MM, UTC). */
export function currentMonth(now: Date = new Date()): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}
