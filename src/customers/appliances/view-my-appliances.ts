import type { LookupMatch } from '../../appliances/lookup-matches.ts';
import { lookupMatches } from '../../appliances/lookup-matches.ts';
import type { Ctx } from '../../context.ts';
import { householdMemberIds } from '../households/members.ts';

export type Purchase = { orderNumber: string; at: string; sku: string; name: string; quantity: number };

export type MyAppliance = {
  /** The saved entry's id (customer_appliances.id), for its page. */
  id: string;
  applianceId: string;
  label: string | null;
  serial: string | null;
  source: 'lookup' | 'order' | 'manual';
  /** Brand, model, variant and the consumables that fit, exactly as the lookup shows them. */
  match: LookupMatch;
  /** What the household bought for it, newest first. */
  purchases: Purchase[];
};

/** Orders whose purchases count: not cancelled, withdrawn or refunded. */
export const COUNTED = ['awaiting_payment', 'paid', 'packed', 'shipped', 'delivered'] as const;

/** The household's saved appliances, newest first, each with what fits (its variant respected) and what was bought. */
export async function listMyAppliances(ctx: Ctx, customerId: string): Promise<MyAppliance[]> {
  return readMyAppliances(ctx, customerId, null);
}

/** One saved appliance of the household, or null (also when it belongs to someone else). */
export async function findMyAppliance(ctx: Ctx, customerId: string, id: string): Promise<MyAppliance | null> {
  return (await readMyAppliances(ctx, customerId, id))[0] ?? null;
}

async function readMyAppliances(ctx: Ctx, customerId: string, id: string | null): Promise<MyAppliance[]> {
  const members = await householdMemberIds(ctx, customerId);
  let query = ctx.db
    .selectFrom('customer_appliances')
    .innerJoin('appliances', 'appliances.id', 'customer_appliances.appliance_id')
    .select([
      'customer_appliances.id',
      'customer_appliances.appliance_id',
      'customer_appliances.label',
      'customer_appliances.serial',
      'customer_appliances.source',
      'appliances.model',
    ])
    .where('customer_appliances.customer_id', 'in', members)
    .orderBy('customer_appliances.created_at', 'desc')
    .orderBy('customer_appliances.id', 'desc');
  if (id !== null) query = query.where('customer_appliances.id', '=', id);
  const rows = await query.execute();
  // two members may each have saved the same appliance: show it once
  const seen = new Set<string>();
  const unique = rows.filter((r) => !seen.has(r.appliance_id) && seen.add(r.appliance_id));
  const purchases = await purchasesFor(
    ctx,
    members,
    unique.map((r) => r.appliance_id),
  );
  const result: MyAppliance[] = [];
  for (const r of unique) {
    const [match] = await lookupMatches(
      ctx,
      [{ id: r.appliance_id, match: 'exact', cost: 0, matched: r.model }],
      r.serial ?? '',
    );
    if (!match) continue;
    result.push({
      id: r.id,
      applianceId: r.appliance_id,
      label: r.label,
      serial: r.serial,
      source: r.source,
      match,
      purchases: purchases.get(r.appliance_id) ?? [],
    });
  }
  return result;
}

async function purchasesFor(
  ctx: Ctx,
  members: string[],
  applianceIds: string[],
): Promise<Map<string, Purchase[]>> {
  const byAppliance = new Map<string, Purchase[]>();
  if (applianceIds.length === 0) return byAppliance;
  const rows = await ctx.db
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .select([
      'order_lines.appliance_id',
      'orders.number',
      'orders.created_at',
      'order_lines.sku',
      'order_lines.name',
      'order_lines.quantity',
    ])
    .where('orders.customer_id', 'in', members)
    .where('order_lines.appliance_id', 'in', applianceIds)
    .where('orders.status', 'in', [...COUNTED])
    .orderBy('orders.created_at', 'desc')
    .orderBy('orders.id', 'desc')
    .orderBy('order_lines.sku')
    .execute();
  for (const r of rows) {
    const list = byAppliance.get(r.appliance_id!) ?? [];
    // a promised price splits a line (some units at the promised price, the rest at today's): one product of one
    // order is one purchase; rows come sorted by order, then sku
    const previous = list.at(-1);
    if (previous && previous.orderNumber === r.number && previous.sku === r.sku)
      previous.quantity += r.quantity;
    else
      list.push({ orderNumber: r.number, at: r.created_at, sku: r.sku, name: r.name, quantity: r.quantity });
    byAppliance.set(r.appliance_id!, list);
  }
  return byAppliance;
}
