import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newCartId } from './cart-id.ts';

/** An empty cart; no account or personal data needed. */
export async function createCart(ctx: Ctx): Promise<string> {
  const id = newCartId();
  const now = isoNow(ctx.clock);
  await ctx.db.insertInto('carts').values({ id, created_at: now, updated_at: now }).execute();
  return id;
}
