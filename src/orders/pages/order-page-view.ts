import type { Ctx } from '../../context.ts';
import { type OrderEvent, orderEvents } from '../order-events.ts';

/** What the order page shows, picked field by field from the order, its lines and its timeline. */
export type OrderPageView = {
  id: string;
  number: string;
  status: string;
  email: string;
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
  totalCents: number;
  vatCents: Record<string, number>;
  currency: string;
  deliveryDate: string;
  lines: { sku: string; name: string; quantity: number; unitPriceCents: number }[];
  events: OrderEvent[];
};

/** The order behind a page, by number; null when there is none. The caller checks the signed link or e-mail first. */
export async function orderPageView(ctx: Ctx, number: string): Promise<OrderPageView | null> {
  const o = await ctx.db.selectFrom('orders').selectAll().where('number', '=', number).executeTakeFirst();
  if (!o) return null;
  const lines = await ctx.db
    .selectFrom('order_lines')
    .select(['sku', 'name', 'quantity', 'unit_price_cents'])
    .where('order_id', '=', o.id)
    .orderBy('id')
    .execute();
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    email: o.email,
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
    vatCents: JSON.parse(o.vat_json) as Record<string, number>,
    currency: o.currency,
    deliveryDate: o.delivery_date,
    lines: lines.map((l) => ({
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPriceCents: l.unit_price_cents,
    })),
    events: await orderEvents(ctx, o.id),
  };
}

/** The same e-mail address, whatever its case or surrounding spaces. */
export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
