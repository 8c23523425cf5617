import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { savedAddresses } from '../orders/checkout-address.ts';
import { addDays, MAX_INTERVAL_DAYS, MIN_INTERVAL_DAYS, REMIND_DAYS_BEFORE } from './predict-interval.ts';
import { shopToday } from './shop-today.ts';

/** How many days later "snooze" reminds again. */
export const SNOOZE_DAYS = 7;

export type PlanChange =
  | { action: 'skip' }
  | { action: 'snooze' }
  | { action: 'interval'; days: number }
  | { action: 'stop' }
  | { action: 'resume' }
  /** Automatic reordering on or off; on needs an address the customer used before. */
  | { action: 'auto-on' }
  | { action: 'auto-off' };

export type PlanChangeResult =
  | { ok: true; nextRunOut: string | null; intervalDays: number | null }
  | { ok: false; reason: 'unknown-plan' | 'outdated' | 'bad-interval' | 'no-interval' | 'no-address' };

/**
 * The customer changes a plan (from their account or a reminder's one-tap link). `cycle`, when given (a link),
 * must still be the plan's current one for skip and snooze: a link from an older reminder cannot push a newer
 * one away. Skip moves the run-out one interval on; snooze moves it so that the next reminder comes
 * `SNOOZE_DAYS` from today; both start a new cycle so the next reminder is a fresh one. A new interval is the
 * customer's own from then on (it wins over the prediction) and moves the run-out to the last order plus that
 * interval (and on, past today). Stop ends the reminders; resume starts them again. Automatic reordering is
 * the customer's explicit choice per plan, from their account only (never from a link in a message), and needs
 * an address they delivered to before; the moment it was turned on is kept.
 */
export async function changePlan(
  ctx: Ctx,
  planId: string,
  change: PlanChange,
  cycle: number | null = null,
): Promise<PlanChangeResult> {
  const plan = await ctx.db
    .selectFrom('replenishment_plans')
    .selectAll()
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) return { ok: false, reason: 'unknown-plan' };
  const interval = plan.chosen_days ?? plan.predicted_days;
  const today = shopToday(ctx);
  const at = isoNow(ctx.clock);
  const update = ctx.db
    .updateTable('replenishment_plans')
    .where('id', '=', plan.id)
    .where('cycle', '=', plan.cycle);
  switch (change.action) {
    case 'skip':
    case 'snooze': {
      if (cycle !== null && cycle !== plan.cycle) return { ok: false, reason: 'outdated' };
      if (plan.next_run_out === null || interval === null) return { ok: false, reason: 'no-interval' };
      let next: string;
      if (change.action === 'skip') next = addDays(plan.next_run_out, interval);
      else next = addDays(today, SNOOZE_DAYS + REMIND_DAYS_BEFORE);
      const done = await update
        .set({ next_run_out: next, cycle: plan.cycle + 1, updated_at: at })
        .executeTakeFirst();
      if (done.numUpdatedRows !== 1n) return { ok: false, reason: 'outdated' };
      return { ok: true, nextRunOut: next, intervalDays: interval };
    }
    case 'interval': {
      const days = change.days;
      if (!Number.isInteger(days) || days < MIN_INTERVAL_DAYS || days > MAX_INTERVAL_DAYS)
        return { ok: false, reason: 'bad-interval' };
      let next = addDays(plan.last_ordered_on, days);
      while (next < today) next = addDays(next, days);
      const moved = next !== plan.next_run_out;
      await update
        .set({
          chosen_days: days,
          next_run_out: next,
          ...(moved ? { cycle: plan.cycle + 1 } : {}),
          updated_at: at,
        })
        .execute();
      return { ok: true, nextRunOut: next, intervalDays: days };
    }
    case 'auto-on':
    case 'auto-off': {
      if (change.action === 'auto-on' && (await savedAddresses(ctx, plan.customer_id)).length === 0)
        return { ok: false, reason: 'no-address' };
      const since = change.action === 'auto-on' ? (plan.auto_reorder_since ?? at) : null;
      await ctx.db
        .updateTable('replenishment_plans')
        .set({ auto_reorder_since: since, updated_at: at })
        .where('id', '=', plan.id)
        .execute();
      return { ok: true, nextRunOut: plan.next_run_out, intervalDays: interval };
    }
    case 'stop':
    case 'resume':
      await update.set({ status: change.action === 'stop' ? 'stopped' : 'active', updated_at: at }).execute();
      return { ok: true, nextRunOut: plan.next_run_out, intervalDays: interval };
  }
}
