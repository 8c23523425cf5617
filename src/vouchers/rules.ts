import type { VoucherTable } from './tables.ts';

/** Why a code was refused; words in messages.ts (`voucher.refused.*`). */
export type CodeProblem =
  | 'unknown'
  | 'disabled'
  | 'not-yet-valid'
  | 'expired'
  | 'used-up'
  | 'used-by-email'
  | 'minimum'
  | 'empty'
  | 'one-voucher'
  | 'one-gift-card'
  /** Too many unknown codes from this client lately: nothing was looked up (vouchers/code-guesses.ts). */
  | 'too-many-tries';

export type CodeRefusal = { code: string; problem: CodeProblem; minimumCents?: number };

/** Whether a code may be used at `at` (an ISO instant), apart from the order's amounts. */
export function usableProblem(v: VoucherTable, at: string): CodeProblem | null {
  if (v.disabled === 1) return 'disabled';
  if (v.valid_from && at < v.valid_from) return 'not-yet-valid';
  if (v.valid_until && at >= v.valid_until) return 'expired';
  if (v.kind === 'voucher' && v.max_uses !== null && v.uses >= v.max_uses) return 'used-up';
  if (v.kind === 'gift-card' && (v.balance_cents ?? 0) <= 0) return 'empty';
  return null;
}

/**
 * The discount a voucher gives on these items (incl. VAT): a fixed amount (never more than the items) or a
 * percentage of the items, rounded to the cent. Shipping is never discounted. Null when the minimum is not met.
 */
export function voucherDiscount(
  v: Pick<VoucherTable, 'amount_cents' | 'percent' | 'min_order_cents'>,
  itemsCents: number,
): number | null {
  if (itemsCents < v.min_order_cents) return null;
  if (v.percent !== null) return Math.min(itemsCents, Math.round((itemsCents * v.percent) / 100));
  return Math.min(itemsCents, v.amount_cents ?? 0);
}

/** What a gift card pays of what is due: all of it if the balance allows, else the whole balance. */
export function giftCardAmount(balanceCents: number, dueCents: number): number {
  return Math.max(0, Math.min(balanceCents, dueCents));
}

/**
 * A discount spread over the VAT rates in proportion to each rate's gross items, in whole cents that add up to
 * the discount (largest remainder). A gift card is a payment, not a discount: it never goes through here.
 */
export function allocateDiscount(
  grossByRate: Map<number, number>,
  discountCents: number,
): Map<number, number> {
  const total = [...grossByRate.values()].reduce((n, g) => n + g, 0);
  const shares = new Map<number, number>();
  if (total === 0 || discountCents === 0) return shares;
  const exact = [...grossByRate].map(([rate, gross]) => ({ rate, value: (gross * discountCents) / total }));
  let left = discountCents;
  for (const e of exact) {
    shares.set(e.rate, Math.floor(e.value));
    left -= Math.floor(e.value);
  }
  exact.sort((a, b) => b.value - Math.floor(b.value) - (a.value - Math.floor(a.value)) || b.rate - a.rate);
  for (let i = 0; left > 0; i++, left--) {
    const rate = exact[i % exact.length]!.rate;
    shares.set(rate, (shares.get(rate) ?? 0) + 1);
  }
  return shares;
}
