import type { Ctx } from '../context.ts';

/** What gift cards paid of an order (0 without one): the payment provider is asked only for the rest. */
export async function giftCardPaid(ctx: Ctx, orderId: string): Promise<number> {
  const rows = await ctx.db
    .selectFrom('voucher_redemptions')
    .select('amount_cents')
    .where('order_id', '=', orderId)
    .where('kind', '=', 'gift-card')
    .execute();
  return rows.reduce((n, r) => n + r.amount_cents, 0);
}
