import type { Ctx } from '../../context.ts';
import type { SavedAppliance } from './pages/account-home-page.tsx';

/** The customer's saved appliances, by brand and model, for the account home. */
export async function savedAppliances(ctx: Ctx, customerId: string): Promise<SavedAppliance[]> {
  const rows = await ctx.db
    .selectFrom('customer_appliances')
    .innerJoin('appliances', 'appliances.id', 'customer_appliances.appliance_id')
    .innerJoin('brands', 'brands.id', 'appliances.brand_id')
    .select(['appliances.id', 'appliances.model', 'appliances.name', 'brands.name as brand'])
    .where('customer_appliances.customer_id', '=', customerId)
    .orderBy('customer_appliances.created_at')
    .orderBy('appliances.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: `${r.brand} ${r.model} (${r.name})` }));
}
