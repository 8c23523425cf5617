import { pickVariant } from '../../appliances/serial-range.ts';
import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { householdMemberIds } from '../households/members.ts';
import type { CustomerApplianceTable } from '../tables.ts';

export type SaveResult =
  | { ok: true; id: string }
  | { ok: false; reason: 'unknown-appliance' | 'serial-unknown' | 'serial-too-long' };

/**
 * Saves an appliance to the customer's "my appliances" (shared with the household). A serial fixes the variant
 * with the registry's serial ranges; a serial that no series claims is refused, so the customer can check it
 * rather than get the wrong parts. An appliance the household already has is not saved twice: a serial given now
 * updates it.
 */
export async function saveMyAppliance(
  ctx: Ctx,
  customerId: string,
  input: { applianceId: string; serial: string; source: CustomerApplianceTable['source'] },
): Promise<SaveResult> {
  const serial = input.serial.trim();
  if (serial.length > 100) return { ok: false, reason: 'serial-too-long' };
  const appliance = await ctx.db
    .selectFrom('appliances')
    .select('id')
    .where('id', '=', input.applianceId)
    .executeTakeFirst();
  if (!appliance) return { ok: false, reason: 'unknown-appliance' };
  const fixed = await variantFor(ctx, appliance.id, serial);
  if (!fixed.ok) return fixed;
  const members = await householdMemberIds(ctx, customerId);
  const existing = await ctx.db
    .selectFrom('customer_appliances')
    .select('id')
    .where('customer_id', 'in', members)
    .where('appliance_id', '=', appliance.id)
    .orderBy('created_at')
    .executeTakeFirst();
  if (existing) {
    if (serial)
      await ctx.db
        .updateTable('customer_appliances')
        .set({ serial, variant_id: fixed.variantId })
        .where('id', '=', existing.id)
        .execute();
    return { ok: true, id: existing.id };
  }
  const id = newId(ctx.clock.now().epochMilliseconds);
  await ctx.db
    .insertInto('customer_appliances')
    .values({
      id,
      customer_id: customerId,
      appliance_id: appliance.id,
      variant_id: fixed.variantId,
      serial: serial || null,
      label: null,
      source: input.source,
      created_at: isoNow(ctx.clock),
    })
    .onConflict((oc) => oc.columns(['customer_id', 'appliance_id']).doNothing())
    .execute();
  const saved = await ctx.db
    .selectFrom('customer_appliances')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('appliance_id', '=', appliance.id)
    .executeTakeFirstOrThrow();
  return { ok: true, id: saved.id };
}

/** The variant a serial picks (null without a serial, or for an appliance without series). */
export async function variantFor(
  ctx: Ctx,
  applianceId: string,
  serial: string,
): Promise<{ ok: true; variantId: string | null } | { ok: false; reason: 'serial-unknown' }> {
  if (serial === '') return { ok: true, variantId: null };
  const variants = await ctx.db
    .selectFrom('appliance_variants')
    .select(['id', 'serial_from as serialFrom', 'serial_to as serialTo'])
    .where('appliance_id', '=', applianceId)
    .execute();
  if (variants.length === 0) return { ok: true, variantId: null };
  const picked = pickVariant(variants, serial);
  return picked ? { ok: true, variantId: picked.id } : { ok: false, reason: 'serial-unknown' };
}
