import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';

/**
 * Saves the appliances an order's lines were bought for into the customer's "my appliances" (source 'order').
 * Appliances already saved stay as they are; lines without an appliance, or whose appliance has since left the
 * registry, are skipped. Returns the appliance ids now saved from this order.
 */
export async function keepOrderAppliances(ctx: Ctx, customerId: string, orderId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('order_lines')
    .innerJoin('appliances', 'appliances.id', 'order_lines.appliance_id')
    .select('appliances.id')
    .distinct()
    .where('order_lines.order_id', '=', orderId)
    .orderBy('appliances.id')
    .execute();
  const at = isoNow(ctx.clock);
  for (const { id } of rows) {
    await ctx.db
      .insertInto('customer_appliances')
      .values({
        id: newId(ctx.clock.now().epochMilliseconds),
        customer_id: customerId,
        appliance_id: id,
        variant_id: null,
        serial: null,
        label: null,
        source: 'order',
        created_at: at,
      })
      .onConflict((oc) => oc.columns(['customer_id', 'appliance_id']).doNothing())
      .execute();
  }
  return rows.map((r) => r.id);
}
