import type { Ctx } from '../../context.ts';
import { isCancellable } from '../cancel-order.ts';
import { isDelayable } from '../delay-order.ts';
import { orderEvents } from '../order-events.ts';
import { canTransition } from '../order-states.ts';
import { parseStaffNote } from '../staff-note.ts';

export type AdminOrderAction = 'pack' | 'ship' | 'delay' | 'cancel' | 'mark-paid';

export type AdminOrderView = {
  id: string;
  number: string;
  status: string;
  email: string;
  locale: string;
  address: {
    name: string;
    street: string;
    houseNumber: string;
    addition: string;
    postcode: string;
    city: string;
    country: string;
  };
  shippingMethod: string;
  paymentMethod: string;
  itemsCents: number;
  shippingCents: number;
  totalCents: number;
  currency: string;
  deliveryDate: string;
  createdAt: string;
  carrier: string | null;
  trackingCode: string | null;
  shippedAt: string | null;
  lines: { sku: string; name: string; quantity: number; unitPriceCents: number }[];
  timeline: { at: string; kind: string; actor: string; staffName: string | null; text: string | null }[];
  /** What staff may do now, from the transitions map. */
  actions: AdminOrderAction[];
};

/** The actions staff may take on an order in this status. */
export function adminActions(status: string, paymentMethod: string): AdminOrderAction[] {
  const actions: AdminOrderAction[] = [];
  if (status === 'awaiting_payment' && paymentMethod === 'bank-transfer' && canTransition(status, 'paid'))
    actions.push('mark-paid');
  if (canTransition(status, 'packed')) actions.push('pack');
  if (canTransition(status, 'shipped') || canTransition(status, 'packed')) actions.push('ship');
  if (isDelayable(status)) actions.push('delay');
  if (isCancellable(status)) actions.push('cancel');
  return actions;
}

/** An order as staff see it, with its timeline (staff ids resolved to names); null when there is none. */
export async function adminOrder(ctx: Ctx, id: string): Promise<AdminOrderView | null> {
  const o = await ctx.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!o) return null;
  const lines = await ctx.db
    .selectFrom('order_lines')
    .select(['sku', 'name', 'quantity', 'unit_price_cents'])
    .where('order_id', '=', id)
    .orderBy('id')
    .execute();
  const events = (await orderEvents(ctx, id)).map((e) => ({ ...e, ...parseStaffNote(e.note) }));
  const staffIds = [...new Set(events.flatMap((e) => (e.staffId ? [e.staffId] : [])))];
  const staff =
    staffIds.length > 0
      ? await ctx.db.selectFrom('staff').select(['id', 'name']).where('id', 'in', staffIds).execute()
      : [];
  const names = new Map(staff.map((s) => [s.id, s.name]));
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    email: o.email,
    locale: o.locale,
    address: {
      name: o.name,
      street: o.street,
      houseNumber: o.house_number,
      addition: o.addition,
      postcode: o.postcode,
      city: o.city,
      country: o.country,
    },
    shippingMethod: o.shipping_method,
    paymentMethod: o.payment_method,
    itemsCents: o.items_cents,
    shippingCents: o.shipping_cents,
    totalCents: o.total_cents,
    currency: o.currency,
    deliveryDate: o.delivery_date,
    createdAt: o.created_at,
    carrier: o.carrier,
    trackingCode: o.tracking_code,
    shippedAt: o.shipped_at,
    lines: lines.map((l) => ({
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPriceCents: l.unit_price_cents,
    })),
    timeline: events.map((e) => ({
      at: e.at,
      kind: e.kind,
      actor: e.actor,
      staffName: e.staffId ? (names.get(e.staffId) ?? e.staffId) : null,
      text: e.text,
    })),
    actions: adminActions(o.status, o.payment_method),
  };
}
