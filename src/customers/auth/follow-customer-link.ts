import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { hashToken } from '../../staff/tokens.ts';
import { createCustomerSession } from '../sessions.ts';
import type { LinkData, LinkPurpose } from './customer-link.ts';
import { joinGuestOrders } from './join-guest-orders.ts';
import { keepOrderAppliances } from './keep-order-appliances.ts';

const PURPOSES: LinkPurpose[] = ['sign-in', 'keep-appliance'];

export type FollowedLink = {
  ok: true;
  customerId: string;
  sessionToken: string;
  /** True when this link created the account. */
  created: boolean;
  purpose: LinkPurpose;
  data: LinkData;
  joinedOrders: number;
  keptAppliances: string[];
};

/** Whether a link can still be followed (unknown, used and expired links cannot). Reads only: GET never spends. */
export async function linkIsUsable(ctx: Ctx, token: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('customer_links')
    .select('token_hash')
    .where('token_hash', '=', hashToken(token))
    .where('purpose', 'in', PURPOSES)
    .where('used_at', 'is', null)
    .where('expires_at', '>', isoNow(ctx.clock))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Follows a sign-in or "keep my appliance" link, in one transaction: spends it (exactly once, even when two
 * requests race), verifies the address, creates the account when there is none, joins the guest orders placed
 * with the address, saves the order's appliances for a 'keep-appliance' link, and starts a fresh session.
 * `afterCreate` runs inside the same transaction when the link created the account (soft opt-in, terms).
 */
export async function followCustomerLink(
  ctx: Ctx,
  input: {
    token: string;
    userAgent: string;
    afterCreate?: (
      ctx: Ctx,
      customerId: string,
      link: { purpose: LinkPurpose; data: LinkData },
    ) => Promise<void>;
  },
): Promise<FollowedLink | { ok: false; reason: 'link-invalid' }> {
  const tokenHash = hashToken(input.token);
  return ctx.db.transaction().execute(async (trx) => {
    const tx: Ctx = { ...ctx, db: trx };
    const now = isoNow(ctx.clock);
    const spent = await trx
      .updateTable('customer_links')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('purpose', 'in', PURPOSES)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) return { ok: false, reason: 'link-invalid' } as const;
    const link = await trx
      .selectFrom('customer_links')
      .select(['purpose', 'email', 'data_json'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirstOrThrow();
    const data = JSON.parse(link.data_json) as LinkData;
    const purpose = link.purpose as LinkPurpose;

    const inserted = await trx
      .insertInto('customers')
      .values({
        id: newId(ctx.clock.now().epochMilliseconds),
        email: link.email,
        email_verified_at: now,
        name: null,
        phone: null,
        locale: data.locale === 'en' ? 'en' : 'nl',
        household_id: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .executeTakeFirst();
    const created = Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
    const customer = await trx
      .selectFrom('customers')
      .select(['id', 'email_verified_at'])
      .where('email', '=', link.email)
      .executeTakeFirstOrThrow();
    if (!customer.email_verified_at) {
      await trx
        .updateTable('customers')
        .set({ email_verified_at: now, updated_at: now })
        .where('id', '=', customer.id)
        .execute();
    }

    const joinedOrders = await joinGuestOrders(tx, customer.id, link.email);
    const keptAppliances =
      purpose === 'keep-appliance' && data.orderId
        ? await keepOrderAppliances(tx, customer.id, data.orderId)
        : [];
    if (created && input.afterCreate) await input.afterCreate(tx, customer.id, { purpose, data });
    const sessionToken = await createCustomerSession(tx, customer.id, 'magic-link', input.userAgent);
    return {
      ok: true,
      customerId: customer.id,
      sessionToken,
      created,
      purpose,
      data,
      joinedOrders,
      keptAppliances,
    } as const;
  });
}
