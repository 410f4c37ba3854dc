import { z } from 'zod';

/** What the payout form holds. */
export interface PayoutDraft {
  amount: string;
}

/** The amount, a whole number of tokens from the minimum up to what is withdrawable (the server checks again). */
export function payoutSchema(minimum: number, withdrawable: number) {
  return z.object({
    amount: z
      .string()
      .trim()
      .regex(/^\d+$/, 'A whole number of tokens.')
      .transform(Number)
      .refine((n) => n >= minimum, `The smallest payout is ${minimum} tokens.`)
      .refine((n) => n <= withdrawable, `At most ${withdrawable} tokens are withdrawable now.`),
  });
}
