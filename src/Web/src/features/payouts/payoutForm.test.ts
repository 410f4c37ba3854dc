import { describe, expect, it } from 'vitest';
import { payoutSchema } from './payoutForm';

describe('payoutSchema', () => {
  const schema = payoutSchema(100, 700);

  it('takes a whole amount between the minimum and the withdrawable', () => {
    expect(schema.parse({ amount: ' 500 ' })).toEqual({ amount: 500 });
  });

  it.each(['99', '701', '-5', '1.5', ''])('refuses %j', (amount) => {
    expect(schema.safeParse({ amount }).success).toBe(false);
  });
});
