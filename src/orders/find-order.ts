import type { Ctx } from '../context.ts';

export type OrderView = {
  number: string;
  status: string;
  email: string;
  name: string;
  shippingMethod: string;
  paymentMethod: string;
  itemsCents: number;
  shippingCents: number;
  totalCents: number;
  currency: string;
  deliveryDate: string;
  createdAt: string;
  lines: { sku: string; name: string; quantity: number; unitPriceCents: number }[];
};

/** An order with its lines, by its number; null when there is none. The caller checks the signed link first. */
export async function findOrder(ctx: Ctx, number: string): Promise<OrderView | null> {
  const order = await ctx.db.selectFrom('orders').selectAll().where('number', '=', number).executeTakeFirst();
  if (!order) return null;
  const lines = await ctx.db
    .selectFrom('order_lines')
    .select(['sku', 'name', 'quantity', 'unit_price_cents'])
    .where('order_id', '=', order.id)
    .orderBy('id')
    .execute();
  return {
    number: order.number,
    status: order.status,
    email: order.email,
    name: order.name,
    shippingMethod: order.shipping_method,
    paymentMethod: order.payment_method,
    itemsCents: order.items_cents,
    shippingCents: order.shipping_cents,
    totalCents: order.total_cents,
    currency: order.currency,
    deliveryDate: order.delivery_date,
    createdAt: order.created_at,
    lines: lines.map((l) => ({
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPriceCents: l.unit_price_cents,
    })),
  };
}
