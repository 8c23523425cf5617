import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { SHIPPING_VAT_RATE } from '../orders/shipping-methods.ts';
import type { CartView } from '../orders/view-cart.ts';
import { previewCodes } from './apply-codes.ts';
import { countUnknownCode, tooManyCodeGuesses } from './code-guesses.ts';
import { normaliseCode } from './codes.ts';
import type { CodeRefusal } from './rules.ts';

/** What the codes typed on the cart or checkout page would do to this cart; shown before the customer confirms. */
export type CodesPreview =
  | {
      ok: true;
      discountCents: number;
      giftCardCents: number;
      voucherCode?: string;
      giftCardCode?: string;
      /** The VAT contained in items (after the discount) and shipping, per rate: what the order will record. */
      vatCents: Record<string, number>;
    }
  | { ok: false; refusal: CodeRefusal }
  | { ok: false; refusal: null };

/**
 * The discount and gift-card amount the typed codes (comma-separated) give on this cart with this shipping price,
 * by the same rules as the order (which may still refuse if someone else uses the code up in between). Null when
 * nothing was typed; `refusal: null` when the text is not a code at all. Writes nothing but the tally of unknown
 * codes this client (`ip`) typed, and looks nothing up once that tally is full (vouchers/code-guesses.ts).
 */
export async function previewForCart(
  ctx: Ctx,
  cart: CartView,
  shippingCents: number,
  typed: string,
  email: string,
  ip: string,
): Promise<CodesPreview | null> {
  const parts = typed
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return null;
  const codes = [...new Set(parts.map((p) => (p.length <= 40 ? normaliseCode(p) : null)))];
  if (codes.length > 2 || codes.some((c) => c === null)) return { ok: false, refusal: null };
  const tooMany = await tooManyCodeGuesses(ctx, ip, typed);
  if (tooMany) return { ok: false, refusal: tooMany };
  const grossByRate = new Map<number, number>();
  for (const l of cart.lines)
    grossByRate.set(l.vatRate, (grossByRate.get(l.vatRate) ?? 0) + l.lineTotalCents);
  const result = await previewCodes(ctx, {
    codes: codes as string[],
    email: email.trim().toLowerCase(),
    itemsCents: cart.totalCents,
    shippingCents,
    grossByRate,
    at: isoNow(ctx.clock),
  });
  if (!result.ok) {
    await countUnknownCode(ctx, ip, result.refusal);
    return result;
  }
  const { applied } = result;
  const voucher = applied.uses.find((u) => u.kind === 'voucher');
  const giftCard = applied.uses.find((u) => u.kind === 'gift-card');
  return {
    ok: true,
    discountCents: applied.discountCents,
    giftCardCents: applied.giftCardCents,
    ...(voucher ? { voucherCode: voucher.code } : {}),
    ...(giftCard ? { giftCardCode: giftCard.code } : {}),
    vatCents: vatAfterDiscount(cart, grossByRate, applied.discountByRate, shippingCents),
  };
}

/**
 * VAT contained in the order as `placeOrder` will record it: the cart's own figures without a discount, or each
 * rate's items less its share of the discount, rounded per rate; plus shipping at the shipping rate.
 */
function vatAfterDiscount(
  cart: CartView,
  grossByRate: Map<number, number>,
  discountByRate: Map<number, number>,
  shippingCents: number,
): Record<string, number> {
  const vat: Record<string, number> = {};
  const add = (rate: number, gross: number) => {
    if (rate === 0 || gross === 0) return;
    vat[rate] = (vat[rate] ?? 0) + Math.round((gross * rate) / (100 + rate));
  };
  if (discountByRate.size === 0) Object.assign(vat, cart.vatCents);
  else for (const [rate, gross] of grossByRate) add(rate, gross - (discountByRate.get(rate) ?? 0));
  add(SHIPPING_VAT_RATE, shippingCents);
  return vat;
}
