import type { Ctx } from '../context.ts';

/** An order with its lines, as every reader of one order sees it: the order page, the e-mails, the admin. */
export type OrderView = {
  id: string;
  number: string;
  status: string;
  /** The account the order belongs to; null for a guest order not (yet) kept. */
  customerId: string | null;
  email: string;
  locale: string;
  address: {
    name: string;
    street: string;
    houseNumber: string;
    addition: string;
    postcode: string;
    city: string;
    country: string;
  };
  shippingMethod: string;
  paymentMethod: string;
  itemsCents: number;
  shippingCents: number;
  /** Items + shipping − discount. */
  totalCents: number;
  /** A voucher's discount on the items (0 without one). */
  discountCents: number;
  /** Paid with a gift card (0 without one); what was left to pay is `totalCents − giftCardCents`. */
  giftCardCents: number;
  /** VAT included in the total, per rate. */
  vatCents: Record<string, number>;
  currency: string;
  deliveryDate: string;
  createdAt: string;
  carrier: string | null;
  trackingCode: string | null;
  shippedAt: string | null;
  /** `applianceId`: the appliance the line was bought for, when it was added from a lookup or "my appliances". */
  lines: {
    sku: string;
    name: string;
    quantity: number;
    unitPriceCents: number;
    applianceId: string | null;
  }[];
};

/**
 * An order with its lines, by its number or its id; null when there is none. The one place an order is read for
 * display, so the order page, the e-mails and the admin never disagree. The caller checks the signed link first.
 */
export async function findOrder(
  ctx: Ctx,
  key: { number: string } | { id: string },
): Promise<OrderView | null> {
  const query = ctx.db.selectFrom('orders').selectAll();
  const o = await ('id' in key
    ? query.where('id', '=', key.id)
    : query.where('number', '=', key.number)
  ).executeTakeFirst();
  if (!o) return null;
  const lines = await ctx.db
    .selectFrom('order_lines')
    .select(['sku', 'name', 'quantity', 'unit_price_cents', 'appliance_id'])
    .where('order_id', '=', o.id)
    .orderBy('id')
    .execute();
  const redemptions = await ctx.db
    .selectFrom('voucher_redemptions')
    .select(['kind', 'amount_cents'])
    .where('order_id', '=', o.id)
    .execute();
  const redeemed = (kind: 'voucher' | 'gift-card') =>
    redemptions.filter((r) => r.kind === kind).reduce((n, r) => n + r.amount_cents, 0);
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    customerId: o.customer_id,
    email: o.email,
    locale: o.locale,
    address: {
      name: o.name,
      street: o.street,
      houseNumber: o.house_number,
      addition: o.addition,
      postcode: o.postcode,
      city: o.city,
      country: o.country,
    },
    shippingMethod: o.shipping_method,
    paymentMethod: o.payment_method,
    itemsCents: o.items_cents,
    shippingCents: o.shipping_cents,
    totalCents: o.total_cents,
    discountCents: redeemed('voucher'),
    giftCardCents: redeemed('gift-card'),
    vatCents: JSON.parse(o.vat_json) as Record<string, number>,
    currency: o.currency,
    deliveryDate: o.delivery_date,
    createdAt: o.created_at,
    carrier: o.carrier,
    trackingCode: o.tracking_code,
    shippedAt: o.shipped_at,
    lines: lines.map((l) => ({
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPriceCents: l.unit_price_cents,
      applianceId: l.appliance_id,
    })),
  };
}
