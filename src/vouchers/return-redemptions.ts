import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';

/**
 * Gives back what an order took from its codes, when it is cancelled or withdrawn: a gift card gets its amount back
 * on its balance (`giftCards`), a voucher its use and, for a once-per-address voucher, the address may use it
 * again (`vouchers`, only before shipping). Each redemption is given back once (`returned_at`, a guarded update).
 * Call it inside the transaction that changes the order's status. Returns the gift-card amount the order was paid
 * with (whether given back now or before): the money refund is for the rest only.
 */
export async function returnRedemptions(
  ctx: Ctx,
  orderId: string,
  what: { vouchers: boolean },
): Promise<{ giftCardCents: number }> {
  const at = isoNow(ctx.clock);
  const rows = await ctx.db
    .selectFrom('voucher_redemptions')
    .select(['id', 'voucher_id', 'kind', 'amount_cents', 'returned_at'])
    .where('order_id', '=', orderId)
    .orderBy('voucher_id')
    .execute();
  let giftCardCents = 0;
  for (const r of rows) {
    if (r.kind === 'gift-card') giftCardCents += r.amount_cents;
    if (r.returned_at !== null || (r.kind === 'voucher' && !what.vouchers)) continue;
    const claimed = await ctx.db
      .updateTable('voucher_redemptions')
      .set({ returned_at: at, email_key: null })
      .where('id', '=', r.id)
      .where('returned_at', 'is', null)
      .executeTakeFirst();
    if (claimed.numUpdatedRows !== 1n) continue;
    if (r.kind === 'gift-card')
      await ctx.db
        .updateTable('vouchers')
        .set((eb) => ({ balance_cents: eb('balance_cents', '+', r.amount_cents), updated_at: at }))
        .where('id', '=', r.voucher_id)
        .execute();
    else
      await ctx.db
        .updateTable('vouchers')
        .set((eb) => ({ uses: eb('uses', '-', 1), updated_at: at }))
        .where('id', '=', r.voucher_id)
        .where('uses', '>', 0)
        .execute();
  }
  return { giftCardCents };
}
