import type { Ctx } from '../../context.ts';
import { normaliseEmail } from '../guard.ts';

/**
 * Joins every guest order placed with this address (compared lower-cased and trimmed) to the account. Call it
 * only once the address is verified (a magic link was followed): an address typed at checkout proves nothing.
 * Orders that already belong to an account are left alone. Returns how many orders joined.
 */
export async function joinGuestOrders(ctx: Ctx, customerId: string, email: string): Promise<number> {
  const result = await ctx.db
    .updateTable('orders')
    .set({ customer_id: customerId })
    .where('customer_id', 'is', null)
    .where((eb) => eb(eb.fn('lower', [eb.fn('trim', ['email'])]), '=', normaliseEmail(email)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
