import { Temporal } from 'temporal-polyfill';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import { addDays, effectiveInterval, predictInterval } from './predict-interval.ts';
import { scheduleReminderRun } from './schedule-reminder-run.ts';

/** Orders in these states were not (or no longer) bought: they say nothing about how fast things run out. */
const NOT_BOUGHT = ['cancelled', 'withdrawn', 'refunded'];

/**
 * Proposes and refreshes a customer's plans from their own orders: one per appliance × product they bought,
 * with the predicted interval (median gap between orders), the last order date and the quantity last
 * ordered. A new order of the product starts a new cycle and moves the run-out date. The customer's own
 * interval, a stop and a skip or snooze of the current cycle are kept. Safe to run any number of times. The
 * first plan also schedules the daily reminder run (which then keeps itself going).
 */
export async function proposePlans(ctx: Ctx, customerId: string): Promise<void> {
  const rows = await ctx.db
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .select([
      'order_lines.product_id',
      'order_lines.appliance_id',
      'order_lines.quantity',
      'orders.id as order_id',
      'orders.created_at',
    ])
    .where('orders.customer_id', '=', customerId)
    .where('orders.status', 'not in', NOT_BOUGHT)
    .orderBy('orders.created_at')
    .orderBy('orders.id')
    .execute();
  if (rows.length === 0) return;
  const zone = ctx.config.shopTimezone;
  const groups = new Map<
    string,
    { applianceId: string; productId: string; dates: string[]; quantity: number; orderId: string }
  >();
  for (const r of rows) {
    const applianceId = r.appliance_id ?? '';
    const key = `${applianceId}\u0000${r.product_id}`;
    const date = Temporal.Instant.from(r.created_at).toZonedDateTimeISO(zone).toPlainDate().toString();
    const group = groups.get(key) ?? {
      applianceId,
      productId: r.product_id,
      dates: [],
      quantity: 0,
      orderId: '',
    };
    group.dates.push(date);
    // rows come oldest first: the last order wins; its lines of one product add up (a reminder's price can
    // split a line in two)
    group.quantity = group.orderId === r.order_id ? group.quantity + r.quantity : r.quantity;
    group.orderId = r.order_id;
    groups.set(key, group);
  }
  const existing = await ctx.db
    .selectFrom('replenishment_plans')
    .selectAll()
    .where('customer_id', '=', customerId)
    .execute();
  const byKey = new Map(existing.map((p) => [`${p.appliance_id}\u0000${p.product_id}`, p]));
  const now = isoNow(ctx.clock);
  let created = false;
  for (const [key, g] of groups) {
    const lastOrderedOn = g.dates.at(-1)!;
    const predicted = predictInterval(g.dates);
    const ordersSeen = new Set(g.dates).size;
    const plan = byKey.get(key);
    if (!plan) {
      const interval = predicted;
      await ctx.db
        .insertInto('replenishment_plans')
        .values({
          id: newId(ctx.clock.now().epochMilliseconds),
          customer_id: customerId,
          appliance_id: g.applianceId,
          product_id: g.productId,
          quantity: g.quantity,
          predicted_days: predicted,
          chosen_days: null,
          orders_seen: ordersSeen,
          last_ordered_on: lastOrderedOn,
          next_run_out: interval === null ? null : addDays(lastOrderedOn, interval),
          cycle: 1,
          status: 'active',
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(['customer_id', 'appliance_id', 'product_id']).doNothing())
        .execute();
      created = true;
      continue;
    }
    const newOrder = lastOrderedOn > plan.last_ordered_on;
    if (!newOrder && predicted === plan.predicted_days) continue;
    const interval = effectiveInterval({ chosen_days: plan.chosen_days, predicted_days: predicted });
    await ctx.db
      .updateTable('replenishment_plans')
      .set({
        predicted_days: predicted,
        orders_seen: ordersSeen,
        quantity: g.quantity,
        last_ordered_on: lastOrderedOn,
        // a new order starts a new cycle; otherwise only a plan without a date gets one
        ...(newOrder
          ? {
              cycle: plan.cycle + 1,
              next_run_out: interval === null ? null : addDays(lastOrderedOn, interval),
            }
          : plan.next_run_out === null && interval !== null
            ? { next_run_out: addDays(lastOrderedOn, interval) }
            : {}),
        updated_at: now,
      })
      .where('id', '=', plan.id)
      .execute();
  }
  if (created) await scheduleReminderRun(ctx);
}
