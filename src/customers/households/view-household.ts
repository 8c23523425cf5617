import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';

export type HouseholdView = {
  id: string | null;
  createdBy: string | null;
  members: { id: string; email: string; name: string | null }[];
  /** Invitations sent and not yet answered (still valid). */
  pending: { email: string; expiresAt: string }[];
};

/** The customer's household as its page shows it; a customer without one is a household of one. */
export async function viewHousehold(ctx: Ctx, customerId: string): Promise<HouseholdView> {
  const me = await ctx.db
    .selectFrom('customers')
    .leftJoin('households', 'households.id', 'customers.household_id')
    .select([
      'customers.id',
      'customers.email',
      'customers.name',
      'households.id as householdId',
      'households.created_by',
    ])
    .where('customers.id', '=', customerId)
    .executeTakeFirstOrThrow();
  if (!me.householdId)
    return {
      id: null,
      createdBy: null,
      members: [{ id: me.id, email: me.email, name: me.name }],
      pending: [],
    };
  const members = await ctx.db
    .selectFrom('customers')
    .select(['id', 'email', 'name'])
    .where('household_id', '=', me.householdId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const links = await ctx.db
    .selectFrom('customer_links')
    .select(['email', 'expires_at', 'data_json'])
    .where('purpose', '=', 'household-invite')
    .where(
      'customer_id',
      'in',
      members.map((m) => m.id),
    )
    .where('used_at', 'is', null)
    .where('expires_at', '>', isoNow(ctx.clock))
    .orderBy('created_at')
    .execute();
  const pending = links
    .filter((l) => (JSON.parse(l.data_json) as { householdId?: string }).householdId === me.householdId)
    .map((l) => ({ email: l.email, expiresAt: l.expires_at }));
  return { id: me.householdId, createdBy: me.created_by, members, pending };
}
