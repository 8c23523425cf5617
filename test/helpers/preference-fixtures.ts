import type { Ctx } from '../../src/context.ts';
import { newId } from '../../src/db/ids.ts';

/** A customer account straight in the database (sign-in is tested elsewhere). Returns its id. */
export async function addCustomer(
  ctx: Ctx,
  values: { email?: string; locale?: 'nl' | 'en'; name?: string } = {},
): Promise<string> {
  const id = newId();
  const now = new Date(ctx.clock.now().epochMilliseconds).toISOString();
  await ctx.db
    .insertInto('customers')
    .values({
      id,
      email: values.email ?? `c-${id}@example.nl`,
      email_verified_at: now,
      name: values.name ?? null,
      phone: null,
      locale: values.locale ?? 'nl',
      household_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}
