import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';

export type DisableResult = { ok: true } | { ok: false; reason: 'not-found' | 'last-owner' };

/**
 * Disables or re-enables a staff member. Disabling ends all their sessions at once; the last active owner cannot
 * be disabled (also not by themself), so the shop always keeps someone who can manage staff.
 */
export async function setStaffDisabled(ctx: Ctx, staffId: string, disabled: boolean): Promise<DisableResult> {
  const now = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx): Promise<DisableResult> => {
    const staff = await trx
      .selectFrom('staff')
      .select(['id', 'role'])
      .where('id', '=', staffId)
      .executeTakeFirst();
    if (!staff) return { ok: false, reason: 'not-found' };
    if (!disabled) {
      await trx
        .updateTable('staff')
        .set({ disabled_at: null, updated_at: now })
        .where('id', '=', staffId)
        .execute();
      return { ok: true };
    }
    if (staff.role === 'owner') {
      const others = await trx
        .selectFrom('staff')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'owner')
        .where('disabled_at', 'is', null)
        .where('password_hash', 'is not', null)
        .where('id', '!=', staffId)
        .executeTakeFirstOrThrow();
      if (Number(others.n) === 0) return { ok: false, reason: 'last-owner' };
    }
    await trx
      .updateTable('staff')
      .set({ disabled_at: now, updated_at: now })
      .where('id', '=', staffId)
      .execute();
    await trx.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute();
    return { ok: true };
  });
}
