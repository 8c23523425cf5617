import type { Ctx } from '../../context.ts';

/**
 * The customers whose appliances and addresses this customer shares: the members of their household, or just
 * themselves. Preferences and messages are never shared; only these two lists are read through this.
 */
export async function householdMemberIds(ctx: Ctx, customerId: string): Promise<string[]> {
  const me = await ctx.db
    .selectFrom('customers')
    .select('household_id')
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!me?.household_id) return [customerId];
  const rows = await ctx.db
    .selectFrom('customers')
    .select('id')
    .where('household_id', '=', me.household_id)
    .orderBy('id')
    .execute();
  const ids = rows.map((r) => r.id);
  return ids.includes(customerId) ? ids : [customerId, ...ids];
}
