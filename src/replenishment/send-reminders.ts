import { Temporal } from 'temporal-polyfill';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import type { JobKind } from '../jobs/job-kind.ts';
import { requestMessage } from '../messaging/gateway/request-message.ts';
import { type NotPlacedReason, placeAutomaticOrder } from './auto-reorder.ts';
import { addDays, effectiveInterval, REMIND_DAYS_BEFORE } from './predict-interval.ts';
import { PRICE_HONOURED_DAYS } from './price-lock.ts';
import { proposePlans } from './propose-plans.ts';
import { reminderLinkPath } from './reminder-links.ts';
import { scheduleReminderRun } from './schedule-reminder-run.ts';
import { shopToday } from './shop-today.ts';

/** What a run did: plans refreshed and rolled over, reminders requested, orders placed by automatic reordering. */
export type ReminderRun = { refreshed: number; rolledOver: number; requested: number; ordered: number };

/**
 * The daily replenishment run. (1) Plans are refreshed for customers who ordered in the last two days. (2) A
 * plan whose run-out date passed without a new order, skip or snooze moves on to its next cycle (the customer
 * bought elsewhere, or waits: we do not nag). (3) Every active plan whose run-out is at most
 * `REMIND_DAYS_BEFORE` days away and whose current cycle has no reminder yet gets one: the price of today is
 * recorded with it (honoured 7 days) and the message is requested from the gateway (topic 'replenishment',
 * urgency 'normal', one per plan and cycle, pointless after the run-out date). The gateway decides whether
 * and when the customer gets it. A plan with automatic reordering (the customer's own choice) gets its order
 * placed instead (`placeAutomaticOrder`, once per cycle); when that cannot be done, the reminder goes out and
 * says why.
 */
export async function sendReminders(ctx: Ctx): Promise<ReminderRun> {
  const today = shopToday(ctx);
  const now = ctx.clock.now();
  const since = new Date(now.epochMilliseconds - 2 * 86_400_000).toISOString();
  const recent = await ctx.db
    .selectFrom('orders')
    .select('customer_id')
    .distinct()
    .where('customer_id', 'is not', null)
    .where('created_at', '>=', since)
    .execute();
  for (const r of recent) await proposePlans(ctx, r.customer_id!);

  let rolledOver = 0;
  const overdue = await ctx.db
    .selectFrom('replenishment_plans')
    .selectAll()
    .where('status', '=', 'active')
    .where('next_run_out', '<', today)
    .execute();
  for (const plan of overdue) {
    const interval = effectiveInterval(plan);
    if (interval === null || plan.next_run_out === null) continue;
    let next = plan.next_run_out;
    while (next < today) next = addDays(next, interval);
    await ctx.db
      .updateTable('replenishment_plans')
      .set({ next_run_out: next, cycle: plan.cycle + 1, updated_at: isoNow(ctx.clock) })
      .where('id', '=', plan.id)
      .where('cycle', '=', plan.cycle)
      .execute();
    rolledOver++;
  }

  const horizon = addDays(today, REMIND_DAYS_BEFORE);
  const due = await ctx.db
    .selectFrom('replenishment_plans as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .innerJoin('products as pr', 'pr.id', 'p.product_id')
    .leftJoin('appliances as a', 'a.id', 'p.appliance_id')
    .leftJoin('replenishment_reminders as r', (j) =>
      j.onRef('r.plan_id', '=', 'p.id').onRef('r.cycle', '=', 'p.cycle'),
    )
    .leftJoin('replenishment_auto_orders as ao', (j) =>
      j.onRef('ao.plan_id', '=', 'p.id').onRef('ao.cycle', '=', 'p.cycle'),
    )
    .select([
      'p.id',
      'p.cycle',
      'p.quantity',
      'p.product_id',
      'p.next_run_out',
      'p.chosen_days',
      'p.predicted_days',
      'p.appliance_id',
      'p.auto_reorder_since',
      'c.id as customer_id',
      'c.email',
      'c.name',
      'c.locale',
      'pr.sku',
      'pr.name_nl',
      'pr.name_en',
      'pr.price_cents',
      'pr.active',
      'a.model as appliance_model',
    ])
    .where('p.status', '=', 'active')
    .where('p.next_run_out', '<=', horizon)
    .where('p.next_run_out', '>=', today)
    .where('r.id', 'is', null)
    .where((eb) => eb.or([eb('ao.outcome', 'is', null), eb('ao.outcome', '!=', 'placed')]))
    .execute();
  let requested = 0;
  let ordered = 0;
  for (const plan of due) {
    let autoFailed: NotPlacedReason | null = null;
    if (plan.auto_reorder_since !== null) {
      const auto = await placeAutomaticOrder(ctx, {
        id: plan.id,
        cycle: plan.cycle,
        customerId: plan.customer_id,
        email: plan.email,
        locale: plan.locale,
        sku: plan.sku,
        quantity: plan.quantity,
        applianceId: plan.appliance_id,
      });
      if (auto.status === 'placed') {
        ordered++;
        continue;
      }
      if (auto.status === 'try-again') continue; // tomorrow's run (or the job's retry) tries the same cart again
      autoFailed = auto.reason;
    }
    if (plan.active !== 1) continue; // off sale: nothing to reorder
    const runOutOn = plan.next_run_out!;
    const quotedCents = plan.price_cents * plan.quantity;
    // honoured through the 7th day after today (shop zone), so "up to and including" in the e-mail is exact
    const lastPriceDay = addDays(today, PRICE_HONOURED_DAYS);
    const validUntil = startOfDay(ctx, addDays(lastPriceDay, 1));
    const link = (action: 'reorder' | 'skip' | 'snooze' | 'interval' | 'stop') =>
      `${ctx.config.publicUrl}${reminderLinkPath(ctx.config.sessionSecret, { action, planId: plan.id, cycle: plan.cycle })}`;
    await ctx.db.transaction().execute(async (trx) => {
      const tx = { ...ctx, db: trx };
      const inserted = await trx
        .insertInto('replenishment_reminders')
        .values({
          id: newId(now.epochMilliseconds),
          plan_id: plan.id,
          cycle: plan.cycle,
          product_id: plan.product_id,
          quantity: plan.quantity,
          quoted_cents: plan.price_cents,
          price_valid_until: validUntil,
          run_out_on: runOutOn,
          created_at: isoNow(ctx.clock),
        })
        .onConflict((oc) => oc.columns(['plan_id', 'cycle']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) return;
      await requestMessage(tx, {
        customerId: plan.customer_id,
        to: plan.email,
        topic: 'replenishment',
        template: 'replenishment-reminder',
        urgency: 'normal',
        idempotencyKey: `replenishment:${plan.id}:${plan.cycle}`,
        deadline: startOfDay(ctx, runOutOn),
        data: {
          name: plan.name,
          productNl: plan.name_nl,
          productEn: plan.name_en,
          applianceName: plan.appliance_model ?? null,
          quantity: plan.quantity,
          quotedCents,
          currency: ctx.config.currency,
          priceValidUntil: lastPriceDay,
          runOutOn,
          intervalDays: effectiveInterval(plan) ?? 0,
          links: {
            reorder: link('reorder'),
            skip: link('skip'),
            snooze: link('snooze'),
            interval: link('interval'),
            stop: link('stop'),
          },
          preferencesUrl: `${ctx.config.publicUrl}/account/preferences`,
          ...(autoFailed ? { autoFailed } : {}),
        },
      });
      requested++;
    });
  }
  return { refreshed: recent.length, rolledOver, requested, ordered };
}

/** The ISO instant a date begins in the shop's zone: a reminder arriving after that is too late to help. */
function startOfDay(ctx: Ctx, date: string): string {
  const zoned = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: ctx.config.shopTimezone });
  return new Date(zoned.epochMilliseconds).toISOString();
}

/**
 * Job kind 'replenishment-reminders': the daily run, which schedules the next one first (so a failing run
 * does not stop tomorrow's). Safe to rerun: reminders are one per plan and cycle.
 */
export const replenishmentRemindersJob: JobKind = {
  maxAttempts: 5,
  backoffMs: 60_000,
  run: async (ctx) => {
    await scheduleReminderRun(ctx);
    await sendReminders(ctx);
  },
};
