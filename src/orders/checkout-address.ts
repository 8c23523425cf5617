import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { householdMemberIds } from '../customers/households/members.ts';
import type { CustomerAddressTable } from '../customers/tables.ts';
import { newId } from '../db/ids.ts';
import type { Address } from './checkout-input.ts';

/** A saved address as the checkout offers it. */
export type SavedAddress = Address & { id: string; lastUsedAt: string };

/**
 * The addresses a signed-in customer may deliver to: their own and their household's, the most recently used
 * first.
 */
export async function savedAddresses(ctx: Ctx, customerId: string): Promise<SavedAddress[]> {
  const members = await householdMemberIds(ctx, customerId);
  const rows = await ctx.db
    .selectFrom('customer_addresses')
    .selectAll()
    .where('customer_id', 'in', members)
    .orderBy('last_used_at', 'desc')
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
  return rows.map(toSaved);
}

/**
 * Inside the order's transaction: the address just used becomes the customer's most recent one. The same
 * address already saved in the household (every field alike) is touched, not copied; a new one is saved as the
 * customer's own.
 */
export async function rememberCheckoutAddress(ctx: Ctx, customerId: string, address: Address): Promise<void> {
  const members = await householdMemberIds(ctx, customerId);
  const at = isoNow(ctx.clock);
  const same = await ctx.db
    .selectFrom('customer_addresses')
    .select('id')
    .where('customer_id', 'in', members)
    .where('name', '=', address.name)
    .where('street', '=', address.street)
    .where('house_number', '=', address.houseNumber)
    .where('addition', '=', address.addition)
    .where('postcode', '=', address.postcode)
    .where('city', '=', address.city)
    .where('country', '=', address.country)
    .executeTakeFirst();
  if (same) {
    await ctx.db
      .updateTable('customer_addresses')
      .set({ last_used_at: at })
      .where('id', '=', same.id)
      .execute();
    return;
  }
  await ctx.db
    .insertInto('customer_addresses')
    .values({
      id: newId(ctx.clock.now().epochMilliseconds),
      customer_id: customerId,
      name: address.name,
      street: address.street,
      house_number: address.houseNumber,
      addition: address.addition,
      postcode: address.postcode,
      city: address.city,
      country: address.country,
      created_at: at,
      last_used_at: at,
    })
    .execute();
}

function toSaved(row: CustomerAddressTable): SavedAddress {
  return {
    id: row.id,
    lastUsedAt: row.last_used_at,
    name: row.name,
    street: row.street,
    houseNumber: row.house_number,
    addition: row.addition,
    postcode: row.postcode,
    city: row.city,
    country: row.country as Address['country'],
  };
}
