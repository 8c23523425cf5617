import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import { type OrderStatus, transition } from './order-states.ts';
import type { OrderEventTable } from './tables.ts';

export type OrderActor = OrderEventTable['actor'];

export type OrderEvent = {
  at: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  actor: OrderActor;
  note: string | null;
};

type NewOrderEvent = {
  orderId: string;
  kind: string;
  from?: string | null;
  to?: string | null;
  actor: OrderActor;
  note?: string | null;
};

/** Appends one row to an order's timeline. Call it inside the transaction that makes the change. */
export async function recordOrderEvent(ctx: Ctx, event: NewOrderEvent): Promise<void> {
  await ctx.db.insertInto('order_events').values(orderEventRow(ctx, event)).execute();
}

/** The row `recordOrderEvent` writes, for callers that write many orders' events in one statement. */
export function orderEventRow(ctx: Ctx, event: NewOrderEvent) {
  return {
    id: newId(ctx.clock.now().epochMilliseconds),
    order_id: event.orderId,
    at: isoNow(ctx.clock),
    kind: event.kind,
    from_status: event.from ?? null,
    to_status: event.to ?? null,
    actor: event.actor,
    note: event.note ?? null,
  };
}

/** An order's timeline, oldest first. */
export async function orderEvents(ctx: Ctx, orderId: string): Promise<OrderEvent[]> {
  const rows = await ctx.db
    .selectFrom('order_events')
    .select(['at', 'kind', 'from_status', 'to_status', 'actor', 'note'])
    .where('order_id', '=', orderId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    at: r.at,
    kind: r.kind,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    actor: r.actor,
    note: r.note,
  }));
}

export type StatusChange =
  | { ok: true; from: OrderStatus; to: OrderStatus }
  | { ok: false; reason: 'transition-not-allowed' | 'changed-meanwhile'; from: string; to: string };

/**
 * Moves an order from `from` to `to` if the transitions map allows it and the order is still in
 * `from` (a guarded update, so of two concurrent requests only one changes it), and records the
 * event. `ctx.db` must be the open transaction; the caller writes the consequences (stock, jobs)
 * only on `ok`, in the same transaction.
 */
export async function changeOrderStatus(
  ctx: Ctx,
  change: { orderId: string; from: string; to: OrderStatus; actor: OrderActor; kind?: string; note?: string },
): Promise<StatusChange> {
  const allowed = transition(change.from, change.to);
  if (!allowed.ok) return allowed;
  const updated = await ctx.db
    .updateTable('orders')
    .set({ status: change.to, updated_at: isoNow(ctx.clock) })
    .where('id', '=', change.orderId)
    .where('status', '=', change.from)
    .executeTakeFirst();
  if (updated.numUpdatedRows !== 1n)
    return { ok: false, reason: 'changed-meanwhile', from: change.from, to: change.to };
  await recordOrderEvent(ctx, {
    orderId: change.orderId,
    kind: change.kind ?? change.to,
    from: change.from,
    to: change.to,
    actor: change.actor,
    note: change.note ?? null,
  });
  return allowed;
}
