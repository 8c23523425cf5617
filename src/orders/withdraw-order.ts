import { Temporal } from 'temporal-polyfill';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import { returnRedemptions } from '../vouchers/return-redemptions.ts';
import { enqueueRefund, returnStock } from './cancel-order.ts';
import { ChangedMeanwhile, guardedTransaction } from './guarded-transaction.ts';
import { changeOrderStatus, type OrderActor, type OrderEvent, orderEvents } from './order-events.ts';
import { canTransition } from './order-states.ts';

/** The withdrawal period: 14 days after the goods arrived (Directive 2011/83/EU art. 9). */
export const WITHDRAWAL_DAYS = 14;

/** Statuses in which the goods have not left the shop: withdrawing puts the stock back at once. */
const NOT_SHIPPED = new Set(['awaiting_payment', 'paid', 'packed']);

export type WithdrawalWindow =
  | { open: true; lastDay: string | null }
  | { open: false; reason: 'window-closed'; lastDay: string }
  | { open: false; reason: 'not-withdrawable'; status: string };

/**
 * Whether the customer may still withdraw, and the last day (YYYY-MM-DD, shop's zone) they may.
 * The period runs from the contract until 14 days after delivery. Delivery is the 'delivered' event
 * when the carrier reported one; without it we count from the later of the promised delivery date
 * and the day it was shipped — never earlier than the customer could have had the parcel, so a late
 * shipment does not shorten their period. Before shipping there is no last day yet.
 */
export function withdrawalWindow(
  order: { status: string; deliveryDate: string },
  events: Pick<OrderEvent, 'kind' | 'at'>[],
  now: Temporal.Instant,
  timeZone: string,
): WithdrawalWindow {
  if (!canTransition(order.status, 'withdrawn'))
    return { open: false, reason: 'not-withdrawable', status: order.status };
  if (NOT_SHIPPED.has(order.status)) return { open: true, lastDay: null };
  const dayOf = (iso: string) => Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone).toPlainDate();
  const delivered = events.findLast((e) => e.kind === 'delivered');
  const shipped = events.findLast((e) => e.kind === 'shipped');
  let basis = delivered ? dayOf(delivered.at) : Temporal.PlainDate.from(order.deliveryDate);
  if (!delivered && shipped && Temporal.PlainDate.compare(dayOf(shipped.at), basis) > 0)
    basis = dayOf(shipped.at);
  const lastDay = basis.add({ days: WITHDRAWAL_DAYS });
  const today = now.toZonedDateTimeISO(timeZone).toPlainDate();
  return Temporal.PlainDate.compare(today, lastDay) <= 0
    ? { open: true, lastDay: lastDay.toString() }
    : { open: false, reason: 'window-closed', lastDay: lastDay.toString() };
}

export type Withdrawal = {
  number: string;
  email: string;
  /** When the withdrawal was received (ISO instant): shown and e-mailed as the acknowledgement. */
  withdrawnAt: string;
  lines: { name: string; quantity: number }[];
};

export type WithdrawOrderResult =
  | { ok: true; alreadyWithdrawn: boolean; withdrawal: Withdrawal }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'try-again' }
  | { ok: false; reason: 'window-closed'; lastDay: string }
  | { ok: false; reason: 'not-withdrawable'; status: string };

/**
 * The customer withdraws from the contract for the whole order (the EU withdrawal button). In one
 * transaction: the status moves to 'withdrawn' through the transitions map, the event is recorded,
 * units not yet shipped go back into stock, a paid order gets a 'refund' job, and a
 * 'withdrawal-acknowledgement' job carries the details to the e-mail worker. Idempotent: a repeat
 * answers the first withdrawal, with its original time.
 */
export async function withdrawOrder(
  ctx: Ctx,
  orderId: string,
  actor: OrderActor,
): Promise<WithdrawOrderResult> {
  return guardedTransaction(ctx, (tx) => attemptWithdrawal(tx, orderId, actor));
}

async function attemptWithdrawal(ctx: Ctx, orderId: string, actor: OrderActor): Promise<WithdrawOrderResult> {
  const order = await ctx.db
    .selectFrom('orders')
    .select(['id', 'number', 'email', 'status', 'delivery_date', 'total_cents', 'currency', 'locale'])
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!order) return { ok: false, reason: 'not-found' };
  const lines = (
    await ctx.db
      .selectFrom('order_lines')
      .select(['sku', 'name', 'quantity'])
      .where('order_id', '=', orderId)
      .orderBy('id')
      .execute()
  ).map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity }));
  const events = await orderEvents(ctx, orderId);
  const withdrawal = (withdrawnAt: string): Withdrawal => ({
    number: order.number,
    email: order.email,
    withdrawnAt,
    lines: lines.map(({ name, quantity }) => ({ name, quantity })),
  });
  if (order.status === 'withdrawn') {
    const first = events.find((e) => e.kind === 'withdrawn');
    return { ok: true, alreadyWithdrawn: true, withdrawal: withdrawal(first?.at ?? isoNow(ctx.clock)) };
  }
  const window = withdrawalWindow(
    { status: order.status, deliveryDate: order.delivery_date },
    events,
    ctx.clock.now(),
    ctx.config.shopTimezone,
  );
  if (!window.open) return { ok: false, ...window } as WithdrawOrderResult;

  const changed = await changeOrderStatus(ctx, { orderId, from: order.status, to: 'withdrawn', actor });
  if (!changed.ok) {
    if (changed.reason === 'changed-meanwhile') throw new ChangedMeanwhile();
    return { ok: false, reason: 'not-withdrawable', status: order.status };
  }
  if (NOT_SHIPPED.has(changed.from)) await returnStock(ctx, orderId, 'cancel');
  // the gift card gets its amount back (the money refund is for the rest); a voucher its use, if not shipped
  const { giftCardCents } = await returnRedemptions(ctx, orderId, {
    vouchers: NOT_SHIPPED.has(changed.from),
  });
  if (changed.from !== 'awaiting_payment' && order.total_cents > giftCardCents)
    await enqueueRefund(ctx, { ...order, total_cents: order.total_cents - giftCardCents }, changed.from);
  const at = isoNow(ctx.clock);
  await ctx.db
    .insertInto('jobs')
    .values({
      id: newId(ctx.clock.now().epochMilliseconds),
      kind: 'withdrawal-acknowledgement',
      payload_json: JSON.stringify({
        orderId,
        number: order.number,
        email: order.email,
        locale: ctx.locale,
        withdrawnAt: at,
        lines,
      }),
      status: 'pending',
      run_at: at,
      attempts: 0,
      last_error: null,
      idempotency_key: `withdrawal-acknowledgement:${orderId}`,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { ok: true, alreadyWithdrawn: false, withdrawal: withdrawal(at) };
}
