import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import { newCode } from './codes.ts';
import type { VoucherTable } from './tables.ts';

export type NewVoucher = {
  discount: { amountCents: number } | { percent: number };
  minOrderCents: number;
  /** ISO instants; null: no limit (`validUntil` exclusive). */
  validFrom: string | null;
  validUntil: string | null;
  /** null: unlimited. */
  maxUses: number | null;
  oncePerEmail: boolean;
  note: string;
};

export type NewGiftCard = { amountCents: number; validUntil: string | null; note: string };

/** Creates a voucher with a fresh random code; returns the code (normalised). */
export async function createVoucher(ctx: Ctx, input: NewVoucher, staffId: string | null): Promise<string> {
  return insertCode(ctx, {
    kind: 'voucher',
    amount_cents: 'amountCents' in input.discount ? input.discount.amountCents : null,
    percent: 'percent' in input.discount ? input.discount.percent : null,
    min_order_cents: input.minOrderCents,
    valid_from: input.validFrom,
    valid_until: input.validUntil,
    max_uses: input.maxUses,
    once_per_email: input.oncePerEmail ? 1 : 0,
    initial_balance_cents: null,
    balance_cents: null,
    note: input.note,
    created_by: staffId,
  });
}

/** Creates a gift card with this balance and a fresh random code; returns the code (normalised). */
export async function createGiftCard(ctx: Ctx, input: NewGiftCard, staffId: string | null): Promise<string> {
  return insertCode(ctx, {
    kind: 'gift-card',
    amount_cents: null,
    percent: null,
    min_order_cents: 0,
    valid_from: null,
    valid_until: input.validUntil,
    max_uses: null,
    once_per_email: 0,
    initial_balance_cents: input.amountCents,
    balance_cents: input.amountCents,
    note: input.note,
    created_by: staffId,
  });
}

type Fields = Omit<VoucherTable, 'id' | 'code' | 'uses' | 'disabled' | 'created_at' | 'updated_at'>;

/** Inserts with a new code; on the (about one in a trillion) clash with an existing code, draws again. */
async function insertCode(ctx: Ctx, fields: Fields): Promise<string> {
  const at = isoNow(ctx.clock);
  for (let attempt = 0; ; attempt++) {
    const code = newCode();
    const inserted = await ctx.db
      .insertInto('vouchers')
      .values({
        id: newId(ctx.clock.now().epochMilliseconds),
        code,
        uses: 0,
        disabled: 0,
        created_at: at,
        updated_at: at,
        ...fields,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('code')
      .executeTakeFirst();
    if (inserted) return inserted.code;
    if (attempt === 5) throw new Error('could not draw a unique voucher code');
  }
}

/** Disables a code: it no longer works at checkout; what it already gave stays. False when there is none. */
export async function disableCode(ctx: Ctx, id: string): Promise<string | null> {
  const row = await ctx.db
    .updateTable('vouchers')
    .set({ disabled: 1, updated_at: isoNow(ctx.clock) })
    .where('id', '=', id)
    .returning('code')
    .executeTakeFirst();
  return row?.code ?? null;
}

/** Every code, newest first, for the admin list. */
export async function listCodes(ctx: Ctx, limit = 500): Promise<VoucherTable[]> {
  return ctx.db
    .selectFrom('vouchers')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
