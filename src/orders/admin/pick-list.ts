import type { Temporal } from 'temporal-polyfill';
import type { Ctx } from '../../context.ts';

export type PackingSlip = {
  number: string;
  mailbox: boolean;
  address: string[];
  lines: { sku: string; name: string; quantity: number }[];
};

export type PickList = {
  /** YYYY-MM-DD in the shop's zone. */
  date: string;
  /** Units to pick per SKU over all slips, by SKU. */
  totals: { sku: string; name: string; quantity: number }[];
  slips: PackingSlip[];
};

/**
 * What to pack on `date` (shop's zone): every paid or packed order placed before that day ended, oldest first,
 * so orders left over from an earlier day are not forgotten. Shipped, cancelled and unpaid orders never appear.
 */
export async function pickList(ctx: Ctx, date: Temporal.PlainDate): Promise<PickList> {
  const end = date.add({ days: 1 }).toZonedDateTime(ctx.config.shopTimezone).toInstant();
  const orders = await ctx.db
    .selectFrom('orders')
    .select([
      'id',
      'number',
      'shipping_method',
      'name',
      'street',
      'house_number',
      'addition',
      'postcode',
      'city',
      'country',
    ])
    .where('status', 'in', ['paid', 'packed'])
    .where('created_at', '<', new Date(end.epochMilliseconds).toISOString())
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const lines =
    orders.length > 0
      ? await ctx.db
          .selectFrom('order_lines')
          .select(['order_id', 'sku', 'name', 'quantity'])
          .where(
            'order_id',
            'in',
            orders.map((o) => o.id),
          )
          .orderBy('sku')
          .execute()
      : [];
  const totals = new Map<string, { sku: string; name: string; quantity: number }>();
  for (const l of lines) {
    const total = totals.get(l.sku) ?? { sku: l.sku, name: l.name, quantity: 0 };
    total.quantity += l.quantity;
    totals.set(l.sku, total);
  }
  return {
    date: date.toString(),
    totals: [...totals.values()].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)),
    slips: orders.map((o) => ({
      number: o.number,
      mailbox: o.shipping_method === 'mailbox',
      address: [
        o.name,
        `${o.street} ${o.house_number}${o.addition ? ` ${o.addition}` : ''}`,
        `${o.postcode} ${o.city}`,
        o.country,
      ],
      lines: lines
        .filter((l) => l.order_id === o.id)
        .map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity })),
    })),
  };
}
