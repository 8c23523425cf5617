import { randomBytes } from 'node:crypto';
import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { createCustomerSession } from '../../customers/sessions.ts';
import { newId } from '../../db/ids.ts';

/** For this folder's tests: an account, and a session cookie value for it. */
export async function testCustomer(ctx: Ctx): Promise<{ id: string; email: string; session: string }> {
  const id = newId();
  const email = `c-${randomBytes(4).toString('hex')}@example.test`;
  await ctx.db
    .insertInto('customers')
    .values({
      id,
      email,
      email_verified_at: isoNow(ctx.clock),
      name: null,
      phone: null,
      locale: 'en',
      household_id: null,
      created_at: isoNow(ctx.clock),
      updated_at: isoNow(ctx.clock),
    })
    .execute();
  const session = await createCustomerSession(ctx, id, 'magic-link', 'test');
  return { id, email, session };
}
