import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import type { StaffRole } from './tables.ts';
import { hashToken, newToken } from './tokens.ts';

const INVITE_DAYS = 7;

export type InviteInput = { name: string; email: string; role: StaffRole };
export type InviteResult = { ok: true; url: string } | { ok: false; reason: 'email-taken' };

/**
 * Creates a waiting account (no password yet) and a one-time invitation link, valid for 7 days, for the owner
 * to pass on. Inviting a still-waiting address again replaces its earlier link; an active or disabled account
 * is refused. There is no mail system yet, so the link is returned, never sent.
 */
export async function inviteStaff(ctx: Ctx, invitedBy: string, input: InviteInput): Promise<InviteResult> {
  const token = newToken();
  const now = isoNow(ctx.clock);
  const expires = new Date(ctx.clock.now().add({ hours: 24 * INVITE_DAYS }).epochMilliseconds).toISOString();
  return ctx.db.transaction().execute(async (trx): Promise<InviteResult> => {
    const existing = await trx
      .selectFrom('staff')
      .select(['id', 'password_hash', 'disabled_at'])
      .where('email', '=', input.email)
      .executeTakeFirst();
    if (existing && (existing.password_hash !== null || existing.disabled_at !== null)) {
      return { ok: false, reason: 'email-taken' };
    }
    if (existing) {
      await trx
        .updateTable('staff')
        .set({ role: input.role, ...(input.name ? { name: input.name } : {}), updated_at: now })
        .where('id', '=', existing.id)
        .execute();
      await trx
        .deleteFrom('staff_tokens')
        .where('purpose', '=', 'invite')
        .where('email', '=', input.email)
        .where('used_at', 'is', null)
        .execute();
    } else {
      await trx
        .insertInto('staff')
        .values({
          id: newId(ctx.clock.now().epochMilliseconds),
          email: input.email,
          name: input.name,
          role: input.role,
          password_hash: null,
          created_at: now,
          updated_at: now,
          disabled_at: null,
        })
        .execute();
    }
    await trx
      .insertInto('staff_tokens')
      .values({
        token_hash: hashToken(token),
        purpose: 'invite',
        email: input.email,
        role: input.role,
        created_by: invitedBy,
        created_at: now,
        expires_at: expires,
        used_at: null,
      })
      .execute();
    return { ok: true, url: `${ctx.config.publicUrl}/admin/invite/${token}` };
  });
}
