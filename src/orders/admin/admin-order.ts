import type { Ctx } from '../../context.ts';
import { refundDue } from '../../payments/mark-refund-sent.ts';
import { type CodeUsed, codesUsed } from '../../vouchers/codes-used.ts';
import { isCancellable } from '../cancel-order.ts';
import { isDelayable } from '../delay-order.ts';
import { findOrder, type OrderView } from '../find-order.ts';
import { orderEvents } from '../order-events.ts';
import { canTransition } from '../order-states.ts';
import { parseStaffNote } from '../staff-note.ts';

export type AdminOrderAction =
  | 'pack'
  | 'ship'
  | 'deliver'
  | 'delay'
  | 'cancel'
  | 'mark-paid'
  | 'mark-refunded';

export type AdminOrderView = OrderView & {
  timeline: { at: string; kind: string; actor: string; staffName: string | null; text: string | null }[];
  /** What staff may do now, from the transitions map. */
  actions: AdminOrderAction[];
  /** The voucher and gift-card codes the order used, with their amounts. */
  codes: CodeUsed[];
};

/** The actions staff may take on an order in this status. */
export function adminActions(status: string, paymentMethod: string, refundDue = false): AdminOrderAction[] {
  const actions: AdminOrderAction[] = [];
  if (refundDue) actions.push('mark-refunded');
  if (status === 'awaiting_payment' && paymentMethod === 'bank-transfer' && canTransition(status, 'paid'))
    actions.push('mark-paid');
  if (canTransition(status, 'packed')) actions.push('pack');
  if (canTransition(status, 'shipped') || canTransition(status, 'packed')) actions.push('ship');
  if (status === 'shipped' && canTransition(status, 'delivered')) actions.push('deliver');
  if (isDelayable(status)) actions.push('delay');
  if (isCancellable(status)) actions.push('cancel');
  return actions;
}

/** An order as staff see it, with its timeline (staff ids resolved to names); null when there is none. */
export async function adminOrder(ctx: Ctx, id: string): Promise<AdminOrderView | null> {
  const order = await findOrder(ctx, { id });
  if (!order) return null;
  const events = (await orderEvents(ctx, id)).map((e) => ({ ...e, ...parseStaffNote(e.note) }));
  const staffIds = [...new Set(events.flatMap((e) => (e.staffId ? [e.staffId] : [])))];
  const staff =
    staffIds.length > 0
      ? await ctx.db.selectFrom('staff').select(['id', 'name']).where('id', 'in', staffIds).execute()
      : [];
  const names = new Map(staff.map((s) => [s.id, s.name]));
  return {
    ...order,
    timeline: events.map((e) => ({
      at: e.at,
      kind: e.kind,
      actor: e.actor,
      staffName: e.staffId ? (names.get(e.staffId) ?? e.staffId) : null,
      text: e.text,
    })),
    actions: adminActions(order.status, order.paymentMethod, await refundDue(ctx, id)),
    codes: await codesUsed(ctx, id),
  };
}
