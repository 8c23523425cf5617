import type { Ctx } from '../../context.ts';

/** Forgets one of the customer's browsers; false when it is not theirs (or already gone). */
export async function removePushDevice(ctx: Ctx, customerId: string, deviceId: string): Promise<boolean> {
  const result = await ctx.db
    .deleteFrom('push_subscriptions')
    .where('id', '=', deviceId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
