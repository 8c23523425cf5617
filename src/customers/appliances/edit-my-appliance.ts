import type { Ctx } from '../../context.ts';
import { householdMemberIds } from '../households/members.ts';
import { variantFor } from './save-my-appliance.ts';

export type EditResult =
  | { ok: true }
  | { ok: false; reason: 'unknown' | 'label-too-long' | 'serial-unknown' | 'serial-too-long' };

/**
 * Renames a saved appliance ("the attic vacuum") and sets or clears its serial, which fixes the variant again.
 * Any household member may: the appliances are shared.
 */
export async function editMyAppliance(
  ctx: Ctx,
  customerId: string,
  id: string,
  input: { label: string; serial: string },
): Promise<EditResult> {
  const label = input.label.trim().replace(/\s+/g, ' ');
  const serial = input.serial.trim();
  if (label.length > 60) return { ok: false, reason: 'label-too-long' };
  if (serial.length > 100) return { ok: false, reason: 'serial-too-long' };
  const members = await householdMemberIds(ctx, customerId);
  const row = await ctx.db
    .selectFrom('customer_appliances')
    .select(['id', 'appliance_id'])
    .where('id', '=', id)
    .where('customer_id', 'in', members)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  const fixed = await variantFor(ctx, row.appliance_id, serial);
  if (!fixed.ok) return fixed;
  await ctx.db
    .updateTable('customer_appliances')
    .set({ label: label || null, serial: serial || null, variant_id: fixed.variantId })
    .where('id', '=', id)
    .execute();
  return { ok: true };
}

/** Removes a saved appliance from the household's list; its orders stay as they were. */
export async function removeMyAppliance(ctx: Ctx, customerId: string, id: string): Promise<boolean> {
  const members = await householdMemberIds(ctx, customerId);
  const result = await ctx.db
    .deleteFrom('customer_appliances')
    .where('id', '=', id)
    .where('customer_id', 'in', members)
    .executeTakeFirst();
  return result.numDeletedRows === 1n;
}

/** The household's saved entry for each of these appliances (for "saved" marks on lookup results). */
export async function savedEntries(
  ctx: Ctx,
  customerId: string,
  applianceIds: string[],
): Promise<Map<string, string>> {
  if (applianceIds.length === 0) return new Map();
  const members = await householdMemberIds(ctx, customerId);
  const rows = await ctx.db
    .selectFrom('customer_appliances')
    .select(['id', 'appliance_id'])
    .where('customer_id', 'in', members)
    .where('appliance_id', 'in', applianceIds)
    .orderBy('created_at')
    .execute();
  const map = new Map<string, string>();
  for (const r of rows) if (!map.has(r.appliance_id)) map.set(r.appliance_id, r.id);
  return map;
}
