import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { sendMessage } from '../../messaging/send-message.ts';
import { hashToken, newToken } from '../../staff/tokens.ts';
import { normaliseEmail } from '../guard.ts';
import type { SessionCustomer } from '../sessions.ts';

/** An invitation is good for a week, and for one answer. */
export const INVITE_DAYS = 7;
/** At most this many invitations per customer per 24 hours: an account is no way to mail strangers. */
export const INVITES_PER_DAY = 10;

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]{2,}$/;

export type InviteResult =
  | { ok: true; householdId: string }
  | { ok: false; reason: 'email' | 'self' | 'member' | 'too-many' | 'not-sent' };

/**
 * Invites someone by e-mail to the customer's household (made now if the customer has none): a single-use
 * 'household-invite' link, valid for seven days, mailed as a transactional message in the inviter's language.
 */
export async function inviteToHousehold(
  ctx: Ctx,
  inviter: SessionCustomer,
  rawEmail: string,
): Promise<InviteResult> {
  const email = normaliseEmail(rawEmail);
  if (!EMAIL.test(email) || email.length > 254) return { ok: false, reason: 'email' };
  if (email === normaliseEmail(inviter.email)) return { ok: false, reason: 'self' };
  const now = ctx.clock.now();
  const at = isoNow(ctx.clock);
  const dayAgo = new Date(now.epochMilliseconds - 24 * 3600_000).toISOString();
  const token = newToken();
  const outcome = await ctx.db.transaction().execute(async (trx): Promise<InviteResult> => {
    const me = await trx
      .selectFrom('customers')
      .select(['household_id'])
      .where('id', '=', inviter.id)
      .executeTakeFirstOrThrow();
    if (me.household_id) {
      const member = await trx
        .selectFrom('customers')
        .select('id')
        .where('household_id', '=', me.household_id)
        .where('email', '=', email)
        .executeTakeFirst();
      if (member) return { ok: false, reason: 'member' };
    }
    const recent = await trx
      .selectFrom('customer_links')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('customer_id', '=', inviter.id)
      .where('purpose', '=', 'household-invite')
      .where('created_at', '>', dayAgo)
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= INVITES_PER_DAY) return { ok: false, reason: 'too-many' };
    let householdId = me.household_id;
    if (!householdId) {
      householdId = newId(now.epochMilliseconds);
      await trx
        .insertInto('households')
        .values({ id: householdId, created_by: inviter.id, created_at: at })
        .execute();
      await trx
        .updateTable('customers')
        .set({ household_id: householdId, updated_at: at })
        .where('id', '=', inviter.id)
        .execute();
    }
    await trx
      .insertInto('customer_links')
      .values({
        token_hash: hashToken(token),
        purpose: 'household-invite',
        email,
        customer_id: inviter.id,
        data_json: JSON.stringify({ householdId }),
        expires_at: new Date(now.add({ hours: INVITE_DAYS * 24 }).epochMilliseconds).toISOString(),
        used_at: null,
        created_at: at,
      })
      .execute();
    return { ok: true, householdId };
  });
  if (!outcome.ok) return outcome;
  try {
    await mailInvitation(ctx, inviter, email, token);
  } catch {
    // the mail server refused or could not be reached: this link was never seen, so it is withdrawn
    await ctx.db
      .updateTable('customer_links')
      .set({ used_at: isoNow(ctx.clock) })
      .where('token_hash', '=', hashToken(token))
      .execute();
    return { ok: false, reason: 'not-sent' };
  }
  return outcome;
}

async function mailInvitation(
  ctx: Ctx,
  inviter: SessionCustomer,
  email: string,
  token: string,
): Promise<void> {
  await sendMessage(ctx, {
    to: email,
    locale: ctx.locale,
    template: 'household-invite',
    topic: 'transactional',
    idempotencyKey: `household-invite:${hashToken(token)}`,
    data: {
      inviter: inviter.name ? `${inviter.name} (${inviter.email})` : inviter.email,
      url: `${ctx.config.publicUrl}/account/household/join?token=${token}`,
      days: INVITE_DAYS,
    },
  });
}
