import type { Ctx } from '../../context.ts';
import { findOrder, type OrderView } from '../find-order.ts';
import { type OrderEvent, orderEvents } from '../order-events.ts';

/** What the order page shows: the order as every reader sees it, and its timeline. */
export type OrderPageView = OrderView & { events: OrderEvent[] };

/** The order behind a page, by number; null when there is none. The caller checks the signed link or e-mail first. */
export async function orderPageView(ctx: Ctx, number: string): Promise<OrderPageView | null> {
  const order = await findOrder(ctx, { number });
  return order ? { ...order, events: await orderEvents(ctx, order.id) } : null;
}

/** The same e-mail address, whatever its case or surrounding spaces. */
export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
