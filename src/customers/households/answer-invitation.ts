import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { hashToken } from '../../staff/tokens.ts';
import { normaliseEmail } from '../guard.ts';
import type { SessionCustomer } from '../sessions.ts';

export type Invitation = { householdId: string; inviter: string; email: string };

/**
 * The open invitation behind a token, or 'link-invalid' (unknown, answered already, expired, or its household is
 * gone). The invitee must be signed in with the address it was sent to.
 */
export async function openInvitation(
  ctx: Ctx,
  customer: SessionCustomer,
  token: string,
): Promise<Invitation> {
  const link = await ctx.db
    .selectFrom('customer_links')
    .leftJoin('customers', 'customers.id', 'customer_links.customer_id')
    .select([
      'customer_links.email',
      'customer_links.data_json',
      'customer_links.expires_at',
      'customer_links.used_at',
      'customer_links.purpose',
      'customers.email as inviterEmail',
      'customers.name as inviterName',
    ])
    .where('customer_links.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (link?.purpose !== 'household-invite' || link.used_at || link.expires_at <= isoNow(ctx.clock))
    throw new AppError('link-invalid');
  const { householdId } = JSON.parse(link.data_json) as { householdId: string };
  const household = await ctx.db
    .selectFrom('households')
    .select('id')
    .where('id', '=', householdId)
    .executeTakeFirst();
  if (!household) throw new AppError('link-invalid');
  if (normaliseEmail(customer.email) !== link.email) throw new AppError('household-invite-other-address');
  const inviter = link.inviterName ? `${link.inviterName} (${link.inviterEmail})` : (link.inviterEmail ?? '');
  return { householdId, inviter, email: link.email };
}

/**
 * Accepts or declines an invitation, once. Accepting joins the household; a customer alone in a household of
 * their own leaves it for this one, a customer who shares a household with others must leave that first
 * ('household-other'): one household per customer.
 */
export async function answerInvitation(
  ctx: Ctx,
  customer: SessionCustomer,
  token: string,
  answer: 'accept' | 'decline',
): Promise<void> {
  const invitation = await openInvitation(ctx, customer, token);
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('customer_links')
      .set({ used_at: at })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (used.numUpdatedRows !== 1n) throw new AppError('link-invalid');
    if (answer === 'decline') return;
    const me = await trx
      .selectFrom('customers')
      .select('household_id')
      .where('id', '=', customer.id)
      .executeTakeFirstOrThrow();
    if (me.household_id === invitation.householdId) return;
    if (me.household_id) {
      const others = await trx
        .selectFrom('customers')
        .select('id')
        .where('household_id', '=', me.household_id)
        .where('id', '!=', customer.id)
        .execute();
      if (others.length > 0) throw new AppError('household-other');
    }
    await trx
      .updateTable('customers')
      .set({ household_id: invitation.householdId, updated_at: at })
      .where('id', '=', customer.id)
      .execute();
    if (me.household_id) await trx.deleteFrom('households').where('id', '=', me.household_id).execute();
  });
}
