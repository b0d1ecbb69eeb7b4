import { z } from "zod";

/**
 * One movement of the simulated credit account: an order or a renewal takes credit (a negative amount), a top-up
 * adds it. Amounts are hundredths of a crown so sums stay exact; `orderNum` is null for a top-up.
 */
export const creditMovementSchema = z.object({
  id: z.string(),
  at: z.number(),
  amountCents: z.number().int(),
  balanceAfterCents: z.number().int(),
  description: z.string(),
  orderNum: z.string().nullable(),
});

export type CreditMovementState = z.infer<typeof creditMovementSchema>;
