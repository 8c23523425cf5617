import { Temporal } from 'temporal-polyfill';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { ChangedMeanwhile, guardedTransaction } from './guarded-transaction.ts';
import { recordOrderEvent } from './order-events.ts';
import { canTransition } from './order-states.ts';
import { type StaffRef, staffNote } from './staff-note.ts';

export type DelayOrderInput = {
  /** The new delivery date, YYYY-MM-DD in the shop's zone; today or later. */
  newDate: string;
  /** A personal word to the customer, shown in the delay notice; null for none. */
  message: string | null;
};

export type DelayOrderResult =
  | { ok: true; alreadyDelayed: boolean; previousDate: string }
  | { ok: false; reason: 'not-found' | 'try-again' | 'date-in-past' }
  | { ok: false; reason: 'not-delayable'; status: string };

/** An order can be late while it is paid and on its way: from paid until delivered. */
export function isDelayable(status: string): boolean {
  return (
    canTransition(status, 'packed') || canTransition(status, 'shipped') || canTransition(status, 'delivered')
  );
}

/** Today in the shop's zone, YYYY-MM-DD. */
export function shopToday(ctx: Pick<Ctx, 'clock' | 'config'>): string {
  return ctx.clock.now().toZonedDateTimeISO(ctx.config.shopTimezone).toPlainDate().toString();
}

/**
 * "Keep communicating, also bad news": staff move an order's delivery date. In one transaction the new date
 * replaces the promise (so the order page and the withdrawal period follow it), a 'delayed' event records the
 * old and new date and the staff member, and an 'order-delayed' job sends the customer the delay notice with the
 * staff member's message, signed with their name. Idempotent: the same new date again changes nothing and sends
 * nothing; a later new date is a new notice. `ctx.db` is the database.
 */
export async function delayOrder(
  ctx: Ctx,
  orderId: string,
  staff: StaffRef,
  input: DelayOrderInput,
): Promise<DelayOrderResult> {
  if (
    Temporal.PlainDate.compare(
      Temporal.PlainDate.from(input.newDate),
      Temporal.PlainDate.from(shopToday(ctx)),
    ) < 0
  )
    return { ok: false, reason: 'date-in-past' };
  return guardedTransaction(ctx, (tx) => attemptDelay(tx, orderId, staff, input));
}

async function attemptDelay(
  ctx: Ctx,
  orderId: string,
  staff: StaffRef,
  input: DelayOrderInput,
): Promise<DelayOrderResult> {
  const order = await ctx.db
    .selectFrom('orders')
    .select(['id', 'number', 'status', 'delivery_date'])
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!order) return { ok: false, reason: 'not-found' };
  if (order.delivery_date === input.newDate)
    return { ok: true, alreadyDelayed: true, previousDate: order.delivery_date };
  if (!isDelayable(order.status)) return { ok: false, reason: 'not-delayable', status: order.status };
  const updated = await ctx.db
    .updateTable('orders')
    .set({ delivery_date: input.newDate, updated_at: isoNow(ctx.clock) })
    .where('id', '=', orderId)
    .where('status', '=', order.status)
    .where('delivery_date', '=', order.delivery_date)
    .executeTakeFirst();
  if (updated.numUpdatedRows !== 1n) throw new ChangedMeanwhile();
  const change = `${order.delivery_date} → ${input.newDate}`;
  await recordOrderEvent(ctx, {
    orderId,
    kind: 'delayed',
    actor: 'staff',
    note: staffNote(staff, input.message ? `${change}: ${input.message}` : change),
  });
  await enqueueJob(ctx, {
    kind: 'order-delayed',
    payload: {
      orderId,
      number: order.number,
      previousDate: order.delivery_date,
      newDate: input.newDate,
      message: input.message,
      staffName: staff.name,
    },
    idempotencyKey: `order-delayed:${orderId}:${input.newDate}`,
  });
  return { ok: true, alreadyDelayed: false, previousDate: order.delivery_date };
}
