import type { Ctx } from '../context.ts';

/** A code an order used, as staff see it on the order: what it took off (voucher) or paid (gift card). */
export type CodeUsed = {
  /** Normalised ('TBABCD2345'); show it with `formatCode`. */
  code: string;
  kind: 'voucher' | 'gift-card';
  amountCents: number;
  /** When a cancel or withdrawal gave the amount or the use back; null while it stands. */
  returnedAt: string | null;
};

/** The codes an order used: the voucher first, then the gift card. */
export async function codesUsed(ctx: Ctx, orderId: string): Promise<CodeUsed[]> {
  const rows = await ctx.db
    .selectFrom('voucher_redemptions')
    .innerJoin('vouchers', 'vouchers.id', 'voucher_redemptions.voucher_id')
    .select([
      'vouchers.code',
      'voucher_redemptions.kind',
      'voucher_redemptions.amount_cents',
      'voucher_redemptions.returned_at',
    ])
    .where('voucher_redemptions.order_id', '=', orderId)
    // 'voucher' sorts after 'gift-card': descending puts the discount first, as on the receipt
    .orderBy('voucher_redemptions.kind', 'desc')
    .orderBy('voucher_redemptions.id')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    kind: r.kind,
    amountCents: r.amount_cents,
    returnedAt: r.returned_at,
  }));
}
