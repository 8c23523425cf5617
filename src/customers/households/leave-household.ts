import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';

/**
 * The customer leaves their household, taking their own saved appliances and addresses along. The last one to
 * leave ends the household; when its creator leaves, the longest-standing remaining member takes that role.
 */
export async function leaveHousehold(ctx: Ctx, customerId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const me = await trx
      .selectFrom('customers')
      .select('household_id')
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow();
    if (!me.household_id) return;
    await detach(trx, ctx, me.household_id, customerId);
  });
}

/** The household's creator takes a member out (the member keeps their own appliances and addresses). */
export async function removeHouseholdMember(ctx: Ctx, actorId: string, memberId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const me = await trx
      .selectFrom('customers')
      .innerJoin('households', 'households.id', 'customers.household_id')
      .select(['households.id', 'households.created_by'])
      .where('customers.id', '=', actorId)
      .executeTakeFirst();
    if (!me || me.created_by !== actorId) throw new AppError('household-creator-only');
    if (memberId === actorId) throw new AppError('invalid-input', { reason: 'member' });
    const member = await trx
      .selectFrom('customers')
      .select('id')
      .where('id', '=', memberId)
      .where('household_id', '=', me.id)
      .executeTakeFirst();
    if (!member) throw new AppError('not-found');
    await detach(trx, ctx, me.id, memberId);
  });
}

async function detach(trx: Db, ctx: Ctx, householdId: string, customerId: string): Promise<void> {
  const at = isoNow(ctx.clock);
  await trx
    .updateTable('customers')
    .set({ household_id: null, updated_at: at })
    .where('id', '=', customerId)
    .execute();
  const rest = await trx
    .selectFrom('customers')
    .select('id')
    .where('household_id', '=', householdId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (rest.length === 0) {
    await trx.deleteFrom('households').where('id', '=', householdId).execute();
    return;
  }
  await trx
    .updateTable('households')
    .set({ created_by: rest[0]!.id })
    .where('id', '=', householdId)
    .where('created_by', '=', customerId)
    .execute();
}
