import type { Ctx } from '../../context.ts';

/** The filters of the orders list, each a set of statuses; 'all' has none. */
export const ORDER_FILTERS = {
  'to-pack': ['paid', 'packed'],
  'awaiting-payment': ['awaiting_payment'],
  shipped: ['shipped', 'delivered'],
  cancelled: ['cancelled', 'withdrawn', 'refunded'],
  all: null,
} as const satisfies Record<string, readonly string[] | null>;

export type OrderFilter = keyof typeof ORDER_FILTERS;
export const ORDER_FILTER_IDS = Object.keys(ORDER_FILTERS) as OrderFilter[];

export function isOrderFilter(value: unknown): value is OrderFilter {
  return typeof value === 'string' && Object.hasOwn(ORDER_FILTERS, value);
}

export type AdminOrderRow = {
  id: string;
  number: string;
  status: string;
  email: string;
  name: string;
  shippingMethod: string;
  totalCents: number;
  currency: string;
  deliveryDate: string;
  createdAt: string;
};

/**
 * One page of orders, newest first, in a filter and optionally matching `q` (part of the order number or the
 * e-mail address, case-insensitive), with the number of matches and the count per filter (for the tabs).
 */
export async function listAdminOrders(
  ctx: Ctx,
  filter: OrderFilter,
  q: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; counts: Record<OrderFilter, number>; items: AdminOrderRow[] }> {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, '')}%`; // staff search text, not patterns
  const base = () => {
    let query = ctx.db.selectFrom('orders');
    if (q)
      query = query.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['number']), 'like', eb.val(pattern)),
          eb(eb.fn('lower', ['email']), 'like', eb.val(pattern)),
        ]),
      );
    return query;
  };
  const byStatus = await base()
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute();
  const counts = Object.fromEntries(ORDER_FILTER_IDS.map((f) => [f, 0])) as Record<OrderFilter, number>;
  for (const row of byStatus) {
    for (const f of ORDER_FILTER_IDS) {
      const statuses = ORDER_FILTERS[f] as readonly string[] | null;
      if (!statuses || statuses.includes(row.status)) counts[f] += Number(row.n);
    }
  }
  const statuses = ORDER_FILTERS[filter] as readonly string[] | null;
  let rows = base().selectAll();
  if (statuses) rows = rows.where('status', 'in', statuses);
  const items = await rows
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: counts[filter],
    counts,
    items: items.map((o) => ({
      id: o.id,
      number: o.number,
      status: o.status,
      email: o.email,
      name: o.name,
      shippingMethod: o.shipping_method,
      totalCents: o.total_cents,
      currency: o.currency,
      deliveryDate: o.delivery_date,
      createdAt: o.created_at,
    })),
  };
}
