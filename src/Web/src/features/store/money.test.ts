import { describe, expect, it } from 'vitest';
import { currentMonth, formatMoney, packTotal } from './money';

describe('money', () => {
  it('formats cents in their currency', () => {
    expect(formatMoney(999, 'usd')).toContain('9.99');
  });

  it('adds a pack\u2019s bonus to its tokens', () => {
    expect(packTotal({ tokens: 1000, bonusTokens: 100 })).toBe(1100);
  });

  it('names the month as the statement takes it', () => {
    expect(currentMonth(new Date(Date.UTC(2026, 0, 31, 23)))).toBe('2026-01');
  });
});
