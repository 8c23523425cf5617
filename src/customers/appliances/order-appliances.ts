import type { Ctx } from '../../context.ts';
import { householdMemberIds } from '../households/members.ts';
import { savedEntries } from './edit-my-appliance.ts';

export type OrderAppliance = { applianceId: string; name: string; savedId: string | null };

/**
 * The appliances an order's lines were bought for, for "save to my appliances" on the order page: only when the
 * signed-in customer's household placed the order; each with the household's saved entry when there is one.
 */
export async function orderAppliances(
  ctx: Ctx,
  customerId: string,
  order: { id: string; customerId: string | null },
): Promise<OrderAppliance[]> {
  if (!order.customerId || !(await householdMemberIds(ctx, customerId)).includes(order.customerId)) return [];
  const rows = await ctx.db
    .selectFrom('order_lines')
    .innerJoin('appliances', 'appliances.id', 'order_lines.appliance_id')
    .innerJoin('brands', 'brands.id', 'appliances.brand_id')
    .select(['appliances.id', 'brands.name as brand', 'appliances.model'])
    .distinct()
    .where('order_lines.order_id', '=', order.id)
    .orderBy('appliances.id')
    .execute();
  const saved = await savedEntries(
    ctx,
    customerId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    applianceId: r.id,
    name: `${r.brand} ${r.model}`,
    savedId: saved.get(r.id) ?? null,
  }));
}
