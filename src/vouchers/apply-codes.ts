import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import {
  allocateDiscount,
  type CodeRefusal,
  giftCardAmount,
  usableProblem,
  voucherDiscount,
} from './rules.ts';
import type { VoucherTable } from './tables.ts';

export type CodesInput = {
  /** Normalised codes (see codes.ts): at most one voucher and one gift card. */
  codes: readonly string[];
  /** The order's e-mail address (lower case), for once-per-address vouchers. */
  email: string;
  itemsCents: number;
  shippingCents: number;
  /** The items' gross amount per VAT rate, for spreading the discount. */
  grossByRate: Map<number, number>;
  /** An ISO instant: now. */
  at: string;
};

export type AppliedCodes = {
  discountCents: number;
  /** The discount per VAT rate (adds up to `discountCents`). */
  discountByRate: Map<number, number>;
  giftCardCents: number;
  uses: {
    voucherId: string;
    code: string;
    kind: 'voucher' | 'gift-card';
    amountCents: number;
    emailKey: string | null;
  }[];
};

export type CodesResult = { ok: true; applied: AppliedCodes } | { ok: false; refusal: CodeRefusal };

export const NO_CODES: AppliedCodes = {
  discountCents: 0,
  discountByRate: new Map(),
  giftCardCents: 0,
  uses: [],
};

/** How often a gift card's guarded update is tried again after another order spent part of its balance. */
const GIFT_CARD_ATTEMPTS = 5;

/**
 * What the codes take off an order, without writing anything: for the checkout page's "apply" and the cart.
 * The same rules as `redeemCodes`, which may still refuse if another order uses the code up first.
 */
export async function previewCodes(ctx: Ctx, input: CodesInput): Promise<CodesResult> {
  return applyCodes(ctx, input, false);
}

/**
 * Uses the codes for an order. `ctx.db` must be the order's open transaction: a voucher's use is a guarded update
 * (`uses = uses + 1 where uses < max_uses`) and a gift card's a guarded debit (`balance = balance - n where
 * balance >= n`), so concurrent orders never use a single-use voucher twice and never take a balance below zero.
 * On `ok: false` the caller rolls back. Write the rows with `recordRedemptions` once the order exists.
 */
export async function redeemCodes(ctx: Ctx, input: CodesInput): Promise<CodesResult> {
  return applyCodes(ctx, input, true);
}

async function applyCodes(ctx: Ctx, input: CodesInput, redeem: boolean): Promise<CodesResult> {
  if (input.codes.length === 0) return { ok: true, applied: NO_CODES };
  const rows = await ctx.db
    .selectFrom('vouchers')
    .selectAll()
    .where('code', 'in', [...input.codes])
    .execute();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  let voucher: VoucherTable | undefined;
  let giftCard: VoucherTable | undefined;
  for (const code of input.codes) {
    const row = byCode.get(code);
    if (!row) return { ok: false, refusal: { code, problem: 'unknown' } };
    if (row.kind === 'voucher') {
      if (voucher) return { ok: false, refusal: { code, problem: 'one-voucher' } };
      voucher = row;
    } else {
      if (giftCard) return { ok: false, refusal: { code, problem: 'one-gift-card' } };
      giftCard = row;
    }
  }
  const uses: AppliedCodes['uses'] = [];
  let discountCents = 0;
  if (voucher) {
    const problem = usableProblem(voucher, input.at);
    if (problem) return { ok: false, refusal: { code: voucher.code, problem } };
    const discount = voucherDiscount(voucher, input.itemsCents);
    if (discount === null)
      return {
        ok: false,
        refusal: { code: voucher.code, problem: 'minimum', minimumCents: voucher.min_order_cents },
      };
    const emailKey = voucher.once_per_email === 1 ? input.email : null;
    if (emailKey) {
      const used = await ctx.db
        .selectFrom('voucher_redemptions')
        .select('id')
        .where('voucher_id', '=', voucher.id)
        .where('email_key', '=', emailKey)
        .executeTakeFirst();
      if (used) return { ok: false, refusal: { code: voucher.code, problem: 'used-by-email' } };
    }
    if (redeem) {
      const result = await ctx.db
        .updateTable('vouchers')
        .set((eb) => ({ uses: eb('uses', '+', 1), updated_at: input.at }))
        .where('id', '=', voucher.id)
        .where('disabled', '=', 0)
        .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
        .executeTakeFirst();
      if (result.numUpdatedRows !== 1n)
        return { ok: false, refusal: { code: voucher.code, problem: 'used-up' } };
    }
    discountCents = discount;
    uses.push({
      voucherId: voucher.id,
      code: voucher.code,
      kind: 'voucher',
      amountCents: discount,
      emailKey,
    });
  }
  let giftCardCents = 0;
  if (giftCard) {
    const problem = usableProblem(giftCard, input.at);
    if (problem) return { ok: false, refusal: { code: giftCard.code, problem } };
    const due = input.itemsCents + input.shippingCents - discountCents;
    let balance = giftCard.balance_cents ?? 0;
    for (let attempt = 0; ; attempt++) {
      const amount = giftCardAmount(balance, due);
      if (amount === 0 || attempt === GIFT_CARD_ATTEMPTS)
        return { ok: false, refusal: { code: giftCard.code, problem: 'empty' } };
      if (!redeem) {
        giftCardCents = amount;
        break;
      }
      const result = await ctx.db
        .updateTable('vouchers')
        .set((eb) => ({ balance_cents: eb('balance_cents', '-', amount), updated_at: input.at }))
        .where('id', '=', giftCard.id)
        .where('disabled', '=', 0)
        .where('balance_cents', '>=', amount)
        .executeTakeFirst();
      if (result.numUpdatedRows === 1n) {
        giftCardCents = amount;
        break;
      }
      // another order spent part of the balance since it was read: spend what is left
      const now = await ctx.db
        .selectFrom('vouchers')
        .select(['balance_cents', 'disabled'])
        .where('id', '=', giftCard.id)
        .executeTakeFirstOrThrow();
      if (now.disabled === 1) return { ok: false, refusal: { code: giftCard.code, problem: 'disabled' } };
      balance = now.balance_cents ?? 0;
    }
    uses.push({
      voucherId: giftCard.id,
      code: giftCard.code,
      kind: 'gift-card',
      amountCents: giftCardCents,
      emailKey: null,
    });
  }
  return {
    ok: true,
    applied: {
      discountCents,
      discountByRate: allocateDiscount(input.grossByRate, discountCents),
      giftCardCents,
      uses,
    },
  };
}

/**
 * Writes one redemption row per code used, in the order's transaction. A once-per-address voucher's row is
 * unique per address: if a concurrent order by the same address got there first, this refuses (roll back).
 */
export async function recordRedemptions(
  ctx: Ctx,
  orderId: string,
  applied: AppliedCodes,
  at: string,
): Promise<CodesResult> {
  const now = Date.parse(at);
  for (const use of applied.uses) {
    const inserted = await ctx.db
      .insertInto('voucher_redemptions')
      .values({
        id: newId(now),
        voucher_id: use.voucherId,
        order_id: orderId,
        kind: use.kind,
        amount_cents: use.amountCents,
        email_key: use.emailKey,
        created_at: at,
        returned_at: null,
      })
      .onConflict((oc) => oc.columns(['voucher_id', 'email_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return { ok: false, refusal: { code: use.code, problem: 'used-by-email' } };
  }
  return { ok: true, applied };
}
